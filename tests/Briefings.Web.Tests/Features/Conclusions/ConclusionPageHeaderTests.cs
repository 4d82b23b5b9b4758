using Briefings.Core.Conclusions;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The conclusion read on its page has the printed document's header: two columns, the issuing body and the
/// number on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date on the right (the reference 07-KL/HU, the PDF).
/// The page once showed one column and no national heading at all.</summary>
[Collection(AppCollection.Name)]
public sealed class ConclusionPageHeaderTests(AppFactory app)
{
    [Fact]
    public async Task Page_IssuedPartyConclusion_HeaderInTwoColumnsWithTheNationalHeadingAsPrinted()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.Ongoing));
        using var anLac = await app.LoginAsync("xa.anlac");

        var (_, page) = await anLac.GetPageAsync($"/conclusions/{issued.ConclusionId}");

        var head = page.QuerySelector("#document header.document-head")!;
        var left = head.QuerySelector(".document-issuer")!;
        var right = head.QuerySelector(".document-national")!;
        Assert.StartsWith("ĐẢNG ỦY THEO DÕI", left.QuerySelector("#issuer")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"^Số \d+-KL/ĐU$", left.QuerySelector("#number")!.TextContent.Trim());
        Assert.Equal("ĐẢNG CỘNG SẢN VIỆT NAM", right.QuerySelector("#national")!.TextContent.Trim());
        Assert.Matches(@"^Tân Phong, ngày \d+ tháng \d+ năm \d{4}$", right.QuerySelector("#place-date")!.TextContent.Trim());
        Assert.Null(right.QuerySelector("#number"));
        Assert.Null(left.QuerySelector("#place-date"));
        Assert.StartsWith("KẾT LUẬN", head.QuerySelector("h1#title")!.TextContent, StringComparison.Ordinal);
    }
}
