using Briefings.Core.Common;

namespace Briefings.Core.Conclusions;

/// <summary>
/// The abbreviations unit names are written with in party and government documents, and their folded
/// full forms: UBND = Ủy ban nhân dân, MTTQ = Mặt trận Tổ quốc, LĐLĐ = Liên đoàn Lao động, TC-KH = Tài chính -
/// Kế hoạch, BTCHU = Ban Tổ chức Huyện ủy, ... Expanding both sides before comparing lets "Phòng TC-KH huyện"
/// meet "Phòng Tài chính - Kế hoạch huyện".
/// </summary>
public static class UnitAbbreviations
{
    // Keys are folded (lower case, no marks, đ → d).
    private static readonly Dictionary<string, string> Always = new(StringComparer.Ordinal)
    {
        ["ubnd"] = "uy ban nhan dan",
        ["hdnd"] = "hoi dong nhan dan",
        ["mttq"] = "mat tran to quoc",
        ["mttqvn"] = "mat tran to quoc",
        ["ubmttq"] = "uy ban mat tran to quoc",
        ["ubmttqvn"] = "uy ban mat tran to quoc",
        ["ldld"] = "lien doan lao dong",
        ["tc-kh"] = "tai chinh ke hoach",
        ["btchu"] = "ban to chuc huyen uy",
        ["bdvhu"] = "ban dan van huyen uy",
        ["btghu"] = "ban tuyen giao huyen uy",
        ["ubkthu"] = "uy ban kiem tra huyen uy",
        ["vphu"] = "van phong huyen uy",
        ["ubkt"] = "uy ban kiem tra",
        ["pct"] = "pho chu tich",
        ["btv"] = "ban thuong vu",
        ["bch"] = "ban chap hanh",
        ["gdnn-gdtx"] = "giao duc nghe nghiep giao duc thuong xuyen",
        ["gdnn"] = "giao duc nghe nghiep",
        ["gdtx"] = "giao duc thuong xuyen",
        ["ct-xh"] = "chinh tri xa hoi",
        ["hnd"] = "hoi nong dan",
        ["hlhpn"] = "hoi lien hiep phu nu",
        ["lhpn"] = "lien hiep phu nu",
        ["hccb"] = "hoi cuu chien binh",
        ["ccb"] = "cuu chien binh",
        ["dtn"] = "doan thanh nien",
        ["tncs"] = "thanh nien cong san",
        ["ld-tb&xh"] = "lao dong thuong binh xa hoi",
        ["ld-tbxh"] = "lao dong thuong binh xa hoi",
        ["ldtbxh"] = "lao dong thuong binh xa hoi",
        ["vh-tt"] = "van hoa thong tin",
        ["vh&tt"] = "van hoa thong tin",
        ["vhtt"] = "van hoa thong tin",
        ["gd-dt"] = "giao duc dao tao",
        ["gd&dt"] = "giao duc dao tao",
        ["gddt"] = "giao duc dao tao",
        ["nn-ptnt"] = "nong nghiep phat trien nong thon",
        ["nn&ptnt"] = "nong nghiep phat trien nong thon",
        ["tn-mt"] = "tai nguyen moi truong",
        ["tn&mt"] = "tai nguyen moi truong",
        ["tnmt"] = "tai nguyen moi truong",
        ["kt-ht"] = "kinh te ha tang",
    };

    // Short symbols that are also ordinary words ("từ", "tư", "du", "ca"): expanded only in capitals.
    private static readonly Dictionary<string, string> CapitalsOnly = new(StringComparer.Ordinal)
    {
        ["hu"] = "huyen uy",
        ["tu"] = "tinh uy",
        ["du"] = "dang uy",
        ["ca"] = "cong an",
        ["tw"] = "trung uong",
    };

    /// <summary>The folded full form of one word of a unit name, or null when it is no known abbreviation.
    /// <paramref name="word"/> is the word as written: "UBND", "TC-KH", "HU", "LĐLĐ".</summary>
    public static string? Expand(string word)
    {
        var folded = TextFolding.Fold(word);
        if (Always.TryGetValue(folded, out var full))
        {
            return full;
        }

        return word.Length > 1 && word.All(char.IsUpper) && CapitalsOnly.TryGetValue(folded, out full) ? full : null;
    }

    /// <summary>The folded words of a unit name with abbreviations expanded: "Phòng TC-KH huyện" →
    /// phong, tai, chinh, ke, hoach, huyen. A compound not known as a whole ("PCT.UBND") is expanded part by part.</summary>
    public static IEnumerable<string> ExpandedWords(string word)
    {
        if (Expand(word) is { } full)
        {
            return full.Split(' ');
        }

        var parts = word.Split(['-', '/', '.', '&'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1
            ? parts.SelectMany(ExpandedWords)
            : [TextFolding.Fold(word)];
    }
}
