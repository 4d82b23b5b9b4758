using System.Globalization;
using Briefings.Core.Organizations;
using Briefings.Web.Documents;

namespace Briefings.Web.Features.Meetings;

/// <summary>What goes on one printed invitation ("Giấy mời"). Times are already in Vietnam time.</summary>
/// <param name="IssuerName">The inviting body as the directory names it ("Ban Dân vận Huyện ủy").</param>
/// <param name="IssuerSuperior">The body above it ("Huyện ủy Tân Phong"), or null.</param>
/// <param name="Number">The register number without "Số " ("12-GM/BDVHU"), or null before it is sent.</param>
/// <param name="IssuerSymbol">The issuer's symbol, for the blank number of an invitation not yet sent ("BDVHU").</param>
/// <param name="Place">Place name of the date line ("Tân Phong").</param>
/// <param name="IssuedOn">The date of the invitation, or null for one not yet sent (blanks to fill in).</param>
/// <param name="Invited">Who is invited, by the bodies' and people's names from the directory.</param>
/// <param name="Endpoints">The areas of the online endpoints besides the main hall ("Xã An Lạc").</param>
/// <param name="Signature">The signing form and name, by the rule of the issuer's kind.</param>
/// <param name="ArchiveMark">"VPHU", "BDVHU": printed "- Lưu VPHU.".</param>
public sealed record InvitationLetterModel(
    string IssuerName,
    string? IssuerSuperior,
    string? Number,
    string IssuerSymbol,
    string Place,
    DateOnly? IssuedOn,
    string Title,
    IReadOnlyList<string> Invited,
    DateTime StartsLocal,
    DateTime EndsLocal,
    string MeetingPlace,
    string ModeText,
    IReadOnlyList<string> Endpoints,
    string? JoinLink,
    string? Chair,
    IReadOnlyList<string> Agenda,
    string? Contact,
    PaperSignature Signature,
    string ArchiveMark)
{
    /// <summary>The inviting body's template (<see cref="PaperTemplates.For(Unit)"/>): it decides the layout (a Front's
    /// giấy mời under "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").</summary>
    public string Template { get; init; } = PaperTemplates.Party;

    /// <summary>The inviting body as the directory names it, for the letter's sentences ("Hội Liên hiệp Phụ nữ huyện
    /// Tân Phong trân trọng kính mời"), when its heading prints another form ("HỘI LHPN HUYỆN TÂN PHONG").</summary>
    public string? IssuerInSentence { get; init; }

    /// <summary>How the inviting body writes numbers ("Số: 03/GM-MTTQ-BTT", "Số 03-GM/BDVHU").</summary>
    public Briefings.Core.Conclusions.DocumentNumberStyle NumberStyle { get; init; } = Briefings.Core.Conclusions.DocumentNumberStyle.Party;
}

/// <summary>
/// The giấy mời as a <see cref="Paper"/>: the party header with its own register number ("Số 12-GM/BDVHU"), "GIẤY
/// MỜI" and the meeting's name, who is invited, time, place with the online endpoints, the agenda, what to prepare,
/// the contact, "Nơi nhận" and the inviting body's signature.
/// </summary>
public static class InvitationLetter
{
    public const string TypeCode = "GM";

    public static byte[] Render(InvitationLetterModel model, PaperTemplate template)
    {
        ArgumentNullException.ThrowIfNull(model);
        return PaperWriter.Render(ToPaper(model), template);
    }

    public static Paper ToPaper(InvitationLetterModel model)
    {
        var body = new List<PaperBlock> { new PaperText($"{model.IssuerInSentence ?? model.IssuerName} trân trọng kính mời:") };
        body.AddRange(model.Invited.Select(line => new PaperText("- " + line, PaperTextStyle.ListLine)));
        body.Add(new PaperText($"Dự {FirstLower(model.Title)}."));
        body.Add(new PaperLabelled("Thời gian: ", $"{MeetingTime(model.StartsLocal)} (đến {model.EndsLocal.ToString("HH 'giờ' mm", CultureInfo.InvariantCulture)})."));
        body.Add(new PaperLabelled("Địa điểm: ", model.MeetingPlace + (model.Endpoints.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"; trực tuyến tại {model.Endpoints.Count} điểm cầu: {string.Join(", ", model.Endpoints.Select(Paper.InSentence))}.")
            : ".")));
        body.Add(new PaperLabelled("Hình thức: ", model.ModeText + "."));
        if (model.JoinLink is not null)
        {
            body.Add(new PaperLabelled("Đường dẫn tham dự trực tuyến: ", model.JoinLink));
        }

        if (!string.IsNullOrWhiteSpace(model.Chair))
        {
            body.Add(new PaperLabelled("Chủ trì: ", model.Chair));
        }

        body.Add(new PaperLabelled("Nội dung:", ""));
        body.AddRange(model.Agenda.Select((a, i) => new PaperText(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {a}"), PaperTextStyle.ListLine)));
        body.Add(new PaperText("Đề nghị các đồng chí tham dự đầy đủ, đúng thành phần, đúng giờ; các đơn vị chuẩn bị báo cáo và ý kiến phát biểu theo nội dung trên."));
        if (!string.IsNullOrWhiteSpace(model.Contact))
        {
            body.Add(new PaperLabelled("Liên hệ: ", model.Contact));
        }

        return new Paper(
            model.IssuerSuperior,
            model.IssuerName,
            model.Number is { } number
                ? (model.NumberStyle == Briefings.Core.Conclusions.DocumentNumberStyle.State ? "Số: " : "Số ") + number
                : Paper.NumberOf(null, TypeCode, model.IssuerSymbol, model.NumberStyle),
            Paper.DateLineOf(model.Place, model.IssuedOn),
            "GIẤY MỜI",
            model.Title,
            body,
            ["Như thành phần mời", "Lưu " + model.ArchiveMark],
            [model.Signature]);
    }

    /// <summary>"08 giờ 00, ngày 05/03/2027".</summary>
    internal static string MeetingTime(DateTime local) =>
        local.ToString("HH 'giờ' mm', ngày 'dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string FirstLower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..] : text;
}
