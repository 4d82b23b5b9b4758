using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

public sealed class UnitMatcherTests
{
    private static readonly (Guid Id, string Name, string ShortName)[] Directory =
    [
        (Id(1), "Huyện ủy Tân Phong", "Huyện ủy"),
        (Id(2), "Ban Dân vận Huyện ủy", "Ban Dân vận Huyện ủy"),
        (Id(3), "Ban Tổ chức Huyện ủy", "Ban Tổ chức Huyện ủy"),
        (Id(4), "Văn phòng Huyện ủy", "VPHU"),
        (Id(5), "Ủy ban nhân dân huyện Tân Phong", "UBND huyện"),
        (Id(6), "Phòng Tài chính - Kế hoạch huyện", "Phòng TC-KH"),
        (Id(7), "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Ủy ban MTTQ huyện"),
        (Id(8), "Hội Nông dân huyện", "HND huyện"),
        (Id(9), "Liên đoàn Lao động huyện", "LĐLĐ huyện"),
        (Id(10), "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện", "Trung tâm GDNN-GDTX"),
        (Id(11), "Ủy ban nhân dân xã An Lạc", "UBND xã An Lạc"),
        (Id(12), "Ủy ban nhân dân xã Bình Đông", "UBND xã Bình Đông"),
        (Id(13), "Ủy ban nhân dân xã Phú Mỹ", "UBND xã Phú Mỹ"),
        (Id(14), "Đảng ủy xã An Lạc", "ĐU An Lạc"),
        (Id(15), "Hội Nông dân xã An Lạc", "HND xã An Lạc"),
        (Id(16), "Hội Nông dân xã Tân Hưng", "HND xã Tân Hưng"),
        (Id(17), "Hội Liên hiệp Phụ nữ huyện", "Hội LHPN huyện"),
    ];

    private readonly UnitMatcher matcher = new(Directory);

    private static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    [Theory]
    [InlineData("Phòng TC-KH huyện", 6)]
    [InlineData("Phòng Tài chính - Kế hoạch huyện", 6)]
    [InlineData("Ban Dân vận Huyện ủy", 2)]
    [InlineData("BDVHU", 2)]
    [InlineData("Ban Tổ chức Huyện ủy", 3)]
    [InlineData("BTCHU", 3)]
    [InlineData("Văn phòng Huyện ủy", 4)]
    [InlineData("UBND xã An Lạc", 11)]
    [InlineData("UBND xa An Lac", 11)]
    [InlineData("UBND xã Bình Đông", 12)]
    [InlineData("UBND huyện", 5)]
    [InlineData("Ủy ban MTTQ huyện", 7)]
    [InlineData("Ủy ban MTTQVN huyện", 7)]
    [InlineData("MTTQ huyện", 7)]
    [InlineData("LĐLĐ huyện", 9)]
    [InlineData("Liên đoàn Lao động huyện", 9)]
    [InlineData("đồng chí Chủ tịch LĐLĐ huyện", 9)]
    [InlineData("Trung tâm GDNN-GDTX huyện", 10)]
    [InlineData("Hội Nông dân huyện", 8)]
    [InlineData("Hội Liên hiệp Phụ nữ huyện", 17)]
    [InlineData("Đảng ủy xã An Lạc", 14)]
    [InlineData("Hội Nông dân xã An Lạc", 15)]
    public void Match_PhraseAsWritten_DirectoryUnit(string phrase, int expected)
    {
        var match = matcher.Match(phrase);

        Assert.NotNull(match);
        Assert.Equal(Id(expected), match.Unit.Id);
    }

    [Theory]
    [InlineData("UBND xã Tân Hưng")] // only the commune's Farmers' Association is in the directory
    [InlineData("UBND xã Hòa Bình")] // no such commune
    [InlineData("Sở Y tế tỉnh")]
    [InlineData("UBND xã")] // which one?
    [InlineData("các ngành chuyên môn")]
    [InlineData("")]
    public void Match_NothingCloseOrAmbiguous_Null(string phrase) => Assert.Null(matcher.Match(phrase));

    [Fact]
    public void Rank_AmbiguousPhrase_ListsTheCandidates()
    {
        var ranked = matcher.Rank("UBND xã", 3);

        Assert.Equal(3, ranked.Count);
        Assert.All(ranked, m => Assert.Contains("xã", m.Unit.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Match_ExactName_ScoreOne() => Assert.Equal(1.0, matcher.Match("Hội Nông dân huyện")!.Score, 3);

    [Theory]
    [InlineData("UBND", new[] { "uy", "ban", "nhan", "dan" })]
    [InlineData("TC-KH", new[] { "tai", "chinh", "ke", "hoach" })]
    [InlineData("HU", new[] { "huyen", "uy" })]
    [InlineData("PCT.UBND", new[] { "pho", "chu", "tich", "uy", "ban", "nhan", "dan" })]
    public void ExpandedWords_Abbreviation_FullFoldedWords(string word, string[] expected) =>
        Assert.Equal(expected, UnitAbbreviations.ExpandedWords(word));

    [Fact]
    public void Expand_LowerCaseShortSymbol_NotExpanded() => Assert.Null(UnitAbbreviations.Expand("tư"));
}
