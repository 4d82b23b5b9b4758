using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

public sealed class DocumentNumberTests
{
    [Fact]
    public void ToString_SingleDigit_ZeroPadded()
    {
        var number = DocumentNumber.Party(7, "KL", "HU");

        Assert.Equal("07-KL/HU", number.ToString());
        Assert.Equal("Số 07-KL/HU", number.Display);
        Assert.Equal("Kết luận", number.TypeName);
    }

    [Fact]
    public void ToString_ThreeDigits_AsIs() => Assert.Equal("123-TB/ĐU", DocumentNumber.Party(123, "TB", "ĐU").ToString());

    [Theory]
    [InlineData("Số 07-KL/HU")]
    [InlineData("07-KL/HU")]
    [InlineData("số 7-KL/HU")]
    [InlineData("So 07-KL/HU")]
    [InlineData("  Số 07 - KL / HU ")]
    public void TryParse_PartyForms_SameNumber(string text)
    {
        Assert.True(DocumentNumber.TryParse(text, out var number));

        Assert.Equal(DocumentNumber.Party(7, "KL", "HU"), number);
    }

    [Theory]
    [InlineData(1, "KL", "HU")]
    [InlineData(15, "TB", "ĐU")]
    [InlineData(250, "NQ", "TU")]
    public void TryParse_Display_RoundTrips(int sequence, string type, string issuer)
    {
        var number = DocumentNumber.Party(sequence, type, issuer);

        Assert.True(DocumentNumber.TryParse(number.Display, out var parsed));
        Assert.Equal(number, parsed);
        Assert.True(DocumentNumber.TryParse(number.ToString(), out parsed));
        Assert.Equal(number, parsed);
    }

    [Fact]
    public void TryParse_StateStyle_ReadsTypeAndIssuer()
    {
        Assert.True(DocumentNumber.TryParse("Số: 123/TB-UBND", out var number));

        Assert.Equal(DocumentNumberStyle.State, number.Style);
        Assert.Equal((123, "TB", "UBND"), (number.Sequence, number.TypeCode, number.IssuerSymbol));
        Assert.Equal("Số: 123/TB-UBND", number.Display);
        Assert.Equal("Thông báo", number.TypeName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Số 00-KL/HU")]
    [InlineData("Số KL/HU")]
    [InlineData("Kết luận số 07")]
    [InlineData("07-KL")]
    public void TryParse_NotANumber_False(string text) => Assert.False(DocumentNumber.TryParse(text, out _));

    [Fact]
    public void Party_ZeroSequence_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentNumber.Party(0, "KL", "HU"));

    [Theory]
    [InlineData("04-KL/HU", "Kết luận số 04-KL/HU")]
    [InlineData("01-TB/HU", "Thông báo số 01-TB/HU")]
    [InlineData("12/TB-UBND", "Thông báo số 12/TB-UBND")]
    [InlineData("không rõ", "Kết luận số không rõ")]
    public void Named_ByTheTypeInTheNumber_NoticeNotCalledKetLuan(string number, string named) =>
        Assert.Equal(named, DocumentNumber.Named(number));
}
