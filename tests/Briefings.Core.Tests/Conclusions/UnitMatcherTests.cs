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

/// <summary>Matching that knows levels and kinds of body (issue 12).</summary>
public sealed class UnitMatcherLevelTests
{
    private static readonly Guid SoTaiChinh = Guid.NewGuid(), PhongTaiChinh = Guid.NewGuid(), Hdnd = Guid.NewGuid(), Ubnd = Guid.NewGuid(),
        LdldTinh = Guid.NewGuid(), LdldHuyen = Guid.NewGuid();

    private static readonly UnitMatcher Matcher = new([
        new UnitCandidate(SoTaiChinh, "Sở Tài chính tỉnh Lam Giang", "Sở Tài chính"),
        new UnitCandidate(PhongTaiChinh, "Phòng Tài chính - Kế hoạch huyện Tân Phong", "Phòng TC-KH"),
        new UnitCandidate(Hdnd, "Hội đồng nhân dân huyện Tân Phong", "HĐND huyện"),
        new UnitCandidate(Ubnd, "Ủy ban nhân dân huyện Tân Phong", "UBND huyện"),
        new UnitCandidate(LdldTinh, "Liên đoàn Lao động tỉnh Lam Giang", "LĐLĐ tỉnh"),
        new UnitCandidate(LdldHuyen, "Liên đoàn Lao động huyện Tân Phong", "LĐLĐ huyện"),
    ]);

    [Fact]
    public void Match_SoOfAProvince_NeverAPhong()
    {
        Assert.Equal(SoTaiChinh, Matcher.Match("Sở Tài chính")?.Unit.Id);
        Assert.NotEqual(PhongTaiChinh, Matcher.Match("Sở Tài chính - Kế hoạch")?.Unit.Id);
    }

    [Fact]
    public void Match_Hdnd_NeverUbnd()
    {
        Assert.Equal(Hdnd, Matcher.Match("HĐND huyện")?.Unit.Id);
        Assert.Equal(Ubnd, Matcher.Match("UBND huyện")?.Unit.Id);
    }

    [Theory]
    [InlineData("huyen")]
    [InlineData("tinh")]
    public void Match_ChairmanOfLdldWithoutLevel_LdldOfTheIssuersLevel(string level)
    {
        var match = Matcher.Match("đồng chí Chủ tịch LĐLĐ", level);

        Assert.Equal(level == "huyen" ? LdldHuyen : LdldTinh, match?.Unit.Id);
    }

    [Fact]
    public void Match_PhraseMatchingNothing_NullNotTheNearestName()
    {
        Assert.Null(Matcher.Match("Ban quản lý chợ Tân Phong"));
    }

    [Fact]
    public void LevelOf_HeaderLines_LastLevelNamed()
    {
        Assert.Equal("xa", UnitMatcher.LevelOf("ĐẢNG BỘ TỈNH SÔNG TRÀ ĐẢNG ỦY XÃ SƠN THỦY"));
        Assert.Equal("huyen", UnitMatcher.LevelOf("HUYỆN ỦY TÂN PHONG"));
    }
}
