namespace Briefings.Core.Conclusions;

/// <summary>How a document is signed (Hướng dẫn 36-HD/VPTW): the head for a collective body ("T/M"), a deputy for
/// the head ("K/T"), the office chief by the committee's order ("T/L"), or a body in its own name (no form line:
/// "TRƯỞNG BAN").</summary>
public enum SigningMode
{
    /// <summary>In its own name: no "T/M", "K/T" or "T/L" line.</summary>
    None = 0,

    /// <summary>"T/M" (thay mặt): the head signs for the collective body.</summary>
    OnBehalf = 1,

    /// <summary>"K/T" (ký thay): a deputy signs for the head.</summary>
    ForHead = 2,

    /// <summary>"T/L" (thừa lệnh): the office chief signs by the body's order.</summary>
    ByOrder = 3,
}

/// <summary>The words of the signing forms, in one place.</summary>
public static class SigningModes
{
    public static string Prefix(this SigningMode mode) => mode switch
    {
        SigningMode.None => "",
        SigningMode.OnBehalf => "T/M",
        SigningMode.ForHead => "K/T",
        SigningMode.ByOrder => "T/L",
    };

    public static string DisplayName(this SigningMode mode) => mode switch
    {
        SigningMode.None => "Ký tên cơ quan (không ghi T/M, K/T, T/L)",
        SigningMode.OnBehalf => "T/M — thay mặt tập thể",
        SigningMode.ForHead => "K/T — cấp phó ký thay người đứng đầu",
        SigningMode.ByOrder => "T/L — Chánh Văn phòng ký thừa lệnh",
    };

    /// <summary>The mode a form line starts with ("K/T BÍ THƯ" → ForHead; "" → None).</summary>
    public static SigningMode Of(string? form)
    {
        var text = (form ?? "").Trim();
        foreach (var mode in new[] { SigningMode.OnBehalf, SigningMode.ForHead, SigningMode.ByOrder })
        {
            if (text.StartsWith(mode.Prefix(), StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }

        return SigningMode.None;
    }

    /// <summary>What follows the prefix: "BAN THƯỜNG VỤ" in "T/M BAN THƯỜNG VỤ".</summary>
    public static string For(string? form)
    {
        var text = (form ?? "").Trim();
        var mode = Of(text);
        return mode == SigningMode.None ? text : text[mode.Prefix().Length..].Trim();
    }

    /// <summary>The form line: "T/M BAN THƯỜNG VỤ"; empty for <see cref="SigningMode.None"/>.</summary>
    public static string Compose(SigningMode mode, string? forWhom) =>
        mode == SigningMode.None ? "" : $"{mode.Prefix()} {(forWhom ?? "").Trim()}".Trim();
}

/// <summary>Who signs and how, as recorded when the leader approves: the person, the printed name, the form and
/// the position line.</summary>
public sealed record Signature(Guid PersonId, string Name, SigningMode Mode, string ForWhom, string Title);
