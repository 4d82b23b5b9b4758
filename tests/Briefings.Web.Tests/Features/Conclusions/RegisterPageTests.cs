using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The register page: the office issues from it, leaders read it, unit staff are turned away.</summary>
[Collection(AppCollection.Name)]
public sealed class RegisterPageTests(AppFactory app)
{
    private static readonly DateTimeOffset Now = new(2026, 4, 15, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Issue_FromPage_LeaderRefusedThenClerkGetsTheNumber()
    {
        var (id, summary) = await NewApprovedWithOwnIssuerAsync();
        using var leader = await app.LoginAsync("bithu");
        using var clerk = await app.LoginAsync("vanphong");

        var (leaderStatus, leaderPage) = await leader.GetPageAsync("/conclusions/register");
        var refused = await leader.SubmitAsync("/conclusions/register", "issue", new() { ["Key"] = id.ToString() });
        var (_, waitingPage) = await clerk.GetPageAsync("/conclusions/register");
        var issued = await clerk.SubmitAsync("/conclusions/register", "issue", new() { ["Key"] = id.ToString() });

        Assert.Equal(HttpStatusCode.OK, leaderStatus);
        Assert.Contains(summary, leaderPage.QuerySelector("#waiting")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(leaderPage.QuerySelectorAll("#waiting button"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotNull(waitingPage.QuerySelector($"#waiting button[value='{id}']"));
        var (location, page) = await clerk.FollowAsync(issued);
        Assert.Equal("/conclusions/register", location);
        Assert.Equal("Đã ban hành văn bản Số 01-KL/ĐU.", page.QuerySelector("#issued")!.TextContent.Trim());
        Assert.Contains("01-KL/ĐU", page.QuerySelector("#register")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == id).Select(c => c.Sequence).SingleAsync()));
    }

    [Fact]
    public async Task Register_UnitStaff_AccessDenied()
    {
        using var staff = await app.LoginAsync("bandanvan");

        var response = await staff.Http.GetAsync("/conclusions/register");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private async Task<(Guid Id, string Summary)> NewApprovedWithOwnIssuerAsync() =>
        await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var unitId = Guid.CreateVersion7();
            var issuer = Unit.Create(unitId, $"DU-PAGE-{unitId:N}", $"Đảng ủy trang sổ {unitId:N}", "Đảng ủy thử", UnitKind.PartyCommittee, district);
            issuer.DocumentSymbol = "ĐU";
            issuer.Touch();
            db.Units.Add(issuer);
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var summary = $"Giao ban chuyên đề {unitId:N}";
            var conclusion = Conclusion.Create(issuer.Id, "KL", "KẾT LUẬN", summary).Value!;
            Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }], []));
            Assert.Null(conclusion.SetRecipients([(null, "Lưu VPHU")]));
            Assert.Null(conclusion.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
            Assert.Null(conclusion.Submit("vanphong", Now));
            Assert.Null(conclusion.Approve("bithu", Now));
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return (conclusion.Id, summary);
        });
}
