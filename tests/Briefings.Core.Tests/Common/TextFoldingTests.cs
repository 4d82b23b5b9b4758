using Briefings.Core.Common;

namespace Briefings.Core.Tests.Common;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Đảng ủy xã An Phú", "dang uy xa an phu")]
    [InlineData("Thực hiện Kết luận", "thuc hien ket luan")]
    [InlineData("  Hội   Liên hiệp  Phụ nữ ", "hoi lien hiep phu nu")]
    [InlineData("ĐOÀN THANH NIÊN", "doan thanh nien")]
    [InlineData("Ắ Ằ Ẳ Ẵ Ặ Ấ Ầ Ẩ Ẫ Ậ Ế Ề Ể Ễ Ệ Ố Ồ Ổ Ỗ Ộ Ớ Ờ Ở Ỡ Ợ Ứ Ừ Ử Ữ Ự Ỳ Ỷ Ỹ Ỵ", "a a a a a a a a a a e e e e e o o o o o o o o o o u u u u u y y y y")]
    public void Fold_VietnameseText_LowerCaseWithoutMarks(string input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void Fold_DecomposedInput_SameAsComposed() =>
        Assert.Equal(TextFolding.Fold("Nguyễn"), TextFolding.Fold("Nguyễn".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void QueryTokens_RepeatedAndBlankWords_DistinctTokens() =>
        Assert.Equal(["dang", "uy"], TextFolding.QueryTokens("  Đảng  ủy đảng "));

    [Fact]
    public void QueryTokens_Null_Empty() => Assert.Empty(TextFolding.QueryTokens(null));
}
