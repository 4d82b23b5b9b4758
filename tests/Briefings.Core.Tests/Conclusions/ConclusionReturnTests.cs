using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

public sealed class ConclusionReturnTests
{
    private static readonly DateTimeOffset At = new(2030, 4, 1, 2, 0, 0, TimeSpan.Zero);

    private static Conclusion Submitted()
    {
        var c = Conclusion.Create(Guid.NewGuid(), "KL", "KẾT LUẬN", "Giao ban quý I").Value!;
        Assert.Null(c.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }], [new BodyItem { SectionOrder = 1, Number = 1, Text = "Triển khai." }], []));
        Assert.Null(c.SetRecipients([(null, "Lưu VPHU")]));
        Assert.Null(c.SetSigner(Guid.NewGuid(), "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
        Assert.Null(c.Submit("vanphong", At));
        return c;
    }

    [Fact]
    public void Return_WithComment_DraftWithCommentThenSubmittedAgainKeepsIt()
    {
        var c = Submitted();

        Assert.Null(c.Return("bithu", At.AddHours(1), "  Bổ sung thời hạn mục 1.  "));

        Assert.Equal((ConclusionStatus.Draft, "Bổ sung thời hạn mục 1.", "bithu"), (c.Status, c.ReturnComment, c.ReturnedBy));
        Assert.Null(c.Submit("vanphong", At.AddHours(2)));
        Assert.Equal("Bổ sung thời hạn mục 1.", c.ReturnComment);
        Assert.Null(c.Approve("bithu", At.AddHours(3)));
        Assert.Null(c.ReturnComment);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Return_NoComment_RefusedOnTheField(string? comment)
    {
        var c = Submitted();

        var error = c.Return("bithu", At, comment);

        Assert.Equal(nameof(Conclusion.ReturnComment), error!.Field);
        Assert.Equal(ConclusionStatus.Submitted, c.Status);
    }

    [Fact]
    public void Return_Draft_Refused()
    {
        var c = Conclusion.Create(Guid.NewGuid(), "KL", "KẾT LUẬN", "Giao ban").Value!;

        Assert.NotNull(c.Return("bithu", At, "Sửa lại"));
    }

    [Theory]
    [InlineData(SigningMode.OnBehalf, "ban thường vụ", "bí thư", "T/M BAN THƯỜNG VỤ", "BÍ THƯ")]
    [InlineData(SigningMode.ForHead, "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")]
    [InlineData(SigningMode.ByOrder, "BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG")]
    [InlineData(SigningMode.None, "bỏ qua", "TRƯỞNG BAN", "", "TRƯỞNG BAN")]
    public void Approve_WithSignature_FormTitleAndSignerRecorded(SigningMode mode, string forWhom, string title, string form, string printedTitle)
    {
        var c = Submitted();
        var signer = Guid.NewGuid();

        Assert.Null(c.Approve("leader", At, new Signature(signer, "Phạm Quốc Bảo", mode, forWhom, title)));

        Assert.Equal((mode, form, printedTitle, signer, "Phạm Quốc Bảo"), (c.SigningMode, c.SigningForm, c.SignerTitle, c.SignerPersonId!.Value, c.SignerName));
    }

    [Fact]
    public void Approve_FormWithoutWhom_RefusedStillSubmitted()
    {
        var c = Submitted();

        var error = c.Approve("bithu", At, new Signature(Guid.NewGuid(), "Trần Minh Khang", SigningMode.ForHead, " ", "PHÓ BÍ THƯ"));

        Assert.Equal("SigningFor", error!.Field);
        Assert.Equal(ConclusionStatus.Submitted, c.Status);
        Assert.Equal("T/M BAN THƯỜNG VỤ", c.SigningForm);
    }

    [Theory]
    [InlineData("T/M BAN THƯỜNG VỤ", SigningMode.OnBehalf, "BAN THƯỜNG VỤ")]
    [InlineData("K/T BÍ THƯ", SigningMode.ForHead, "BÍ THƯ")]
    [InlineData("T/L BAN THƯỜNG VỤ", SigningMode.ByOrder, "BAN THƯỜNG VỤ")]
    [InlineData("", SigningMode.None, "")]
    public void SigningModes_OfAndFor_ReadTheFormLine(string line, SigningMode mode, string forWhom)
    {
        Assert.Equal(mode, SigningModes.Of(line));
        Assert.Equal(forWhom, SigningModes.For(line));
        Assert.Equal(line, SigningModes.Compose(mode, forWhom));
    }
}
