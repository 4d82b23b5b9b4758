using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Conclusions;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The chair's approve form starts from the signature the office would write for the chair: the rule for the
/// issuer's kind and the chair's position in the directory, still editable.</summary>
[Collection(AppCollection.Name)]
public sealed class ApproveFormTests(AppFactory app)
{
    [Fact]
    public async Task ApproveForm_DraftSignedForSomeoneElseWithoutTitle_PrefilledFromTheChairsPosition()
    {
        // The clerk chose the deputy as signer and left the title empty; the Bí thư approves, so the Bí thư signs.
        var id = await SubmittedAsync("Nguyễn Thị Thu Hà", "", "");
        using var chair = await app.LoginAsync("bithu");

        var (_, page) = await chair.GetPageAsync($"/conclusions/{id}");

        Assert.Equal("BÍ THƯ", page.QuerySelector<IHtmlInputElement>("#approve-title")!.Value);
        Assert.Equal("BAN THƯỜNG VỤ", page.QuerySelector<IHtmlInputElement>("#approve-for")!.Value);
        Assert.Equal(nameof(SigningMode.OnBehalf), page.QuerySelector<IHtmlSelectElement>("#approve-mode")!.Value);
        Assert.Contains("Trần Minh Khang", page.QuerySelector("#approve-signer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproveForm_ChairsOwnSignatureInTheDraft_KeptAsTheDrafterWroteIt()
    {
        var id = await SubmittedAsync("Trần Minh Khang", "T/M HUYỆN ỦY", "BÍ THƯ HUYỆN ỦY");
        using var chair = await app.LoginAsync("bithu");

        var (_, page) = await chair.GetPageAsync($"/conclusions/{id}");

        Assert.Equal("BÍ THƯ HUYỆN ỦY", page.QuerySelector<IHtmlInputElement>("#approve-title")!.Value);
        Assert.Equal("HUYỆN ỦY", page.QuerySelector<IHtmlInputElement>("#approve-for")!.Value);
    }

    private async Task<Guid> SubmittedAsync(string signer, string form, string title) =>
        await app.WithDbAsync(async db =>
        {
            var issuer = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCommitteeCode);
            var person = await db.People.Where(p => p.FullName == signer).Select(p => p.Id).SingleAsync();
            var conclusion = Conclusion.Create(issuer.Id, "KL", "KẾT LUẬN", $"Giao ban ký duyệt {Guid.NewGuid():N}").Value!;
            Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }], []));
            Assert.Null(conclusion.SetRecipients([(null, "Thường trực Huyện ủy"), (null, "Lưu VPHU")]));
            Assert.Null(conclusion.SetSigner(person, signer, form, title));
            Assert.Null(conclusion.Submit("vanphong", DateTimeOffset.UtcNow));
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion.Id;
        });
}
