using System.Net;
using AngleSharp.Dom;
using Briefings.Core.Conclusions;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Components.Shared;

/// <summary>Post/Redirect/Get (<c>AppPage.RedirectWithNotice</c>, <c>PageNotice</c>): a successful post answers 303 to
/// the page to show, whose next GET — and only that page's — shows the notice once; a refused post answers in place.</summary>
[Collection(AppCollection.Name)]
public sealed class PostRedirectGetTests(AppFactory app)
{
    [Fact]
    public async Task Notice_OtherPageFirstThenTarget_ShownOnlyOnTheTargetOnce_ForgedCookieIgnored()
    {
        var task = (await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(9))))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        var url = $"/tasks/{task.Id}";

        var sent = await anLac.SubmitAsync(url, "report", new() { ["ReportText"] = "Đã triển khai.", ["ReportPercent"] = "20" });
        var (_, elsewhere) = await anLac.GetPageAsync("/tasks");
        var (_, target) = await anLac.GetPageAsync(sent.Headers.Location!.PathAndQuery);
        var (_, again) = await anLac.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Null(elsewhere.QuerySelector("#message"));
        Assert.Equal("Đã gửi báo cáo.", target.QuerySelector("#message")!.TextContent.Trim());
        Assert.Null(again.QuerySelector("#message"));

        // A notice cookie the app did not write (forged, or from before a key change) shows nothing.
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", "Briefings.Notice=CfDJ8-forged");
        var forged = await anLac.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Null(AppClient.Parse(await forged.Content.ReadAsStringAsync()).QuerySelector("#message"));
    }

    [Fact]
    public async Task ReadinessTick_Successful_303ToTheEndpointsCardWithNotice_BadKeyAnswersInPlace()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app);
        var host = await app.WithDbAsync(db => db.MeetingEndpoints.Where(e => e.MeetingId == meeting.Id && e.IsHost).Select(e => e.Id).SingleAsync());
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/meetings/{meeting.Id}/readiness";

        var ticked = await clerk.SubmitAsync(url, "tick", new() { ["Key"] = $"{host}:Picture:1" });
        var (_, board) = await clerk.FollowAsync(ticked);
        var refused = await clerk.SubmitAsync(url, "tick", new() { ["Key"] = "không-phải-khóa" });

        Assert.Equal(url, ticked.Headers.Location!.AbsolutePath);
        Assert.Equal($"#ready-{host}", ticked.Headers.Location.Fragment);
        Assert.StartsWith("Đã ghi nhận “", board.QuerySelector("#message")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith(": đạt.", board.QuerySelector("#message")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.MeetingEndpoints.AsNoTracking().Where(e => e.Id == host).Select(e => e.Ticks.Count).SingleAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.Contains("Yêu cầu không hợp lệ.", AppClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearPlan_Successful_303ToTheListWithItsCount_SecondRefusedInPlaceYearKept()
    {
        using var clerk = await app.LoginAsync("vanphong");
        // Other tests' meetings may bear "2035" too (a date, a Guid in a title): the plan's are the ones it added.
        var before = await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.Title.Contains("2035")));

        var planned = await clerk.SubmitAsync("/meetings", "plan", new() { ["Input.Year"] = "2035", ["Input.OrganizerCode"] = "HU-TP-BDV" });
        var (location, list) = await clerk.FollowAsync(planned);
        var again = await clerk.SubmitAsync("/meetings", "plan", new() { ["Input.Year"] = "2035", ["Input.OrganizerCode"] = "HU-TP-BDV" });

        Assert.Equal("/meetings", location);
        var count = await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.Title.Contains("2035"))) - before;
        Assert.Equal($"Đã lập kế hoạch năm 2035: {count} cuộc họp. Mở từng cuộc họp để sửa thời gian, địa điểm, mời dự.", list.QuerySelector("#message")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Null(again.Headers.Location);
        var page = AppClient.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal("2035", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Year']")!.Value);
        Assert.Null(page.QuerySelector("#message"));
    }

    [Fact]
    public async Task PersonRetire_Successful_303ToThePersonWithNoticeAndTag()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var newUrl = "/directory/people/new?unit=" + Demo.AnLac + "-DU";
        var (_, form) = await clerk.GetPageAsync(newUrl);
        var fields = BrowserForm.Fields(form, "person");
        fields["Input.FullName"] = $"Lê Thị Nghỉ Hưu {Guid.NewGuid():N}";
        fields["Input.Positions[0].Title"] = "Chuyên viên";
        fields["Input.Positions[0].UnitCode"] = Demo.AnLac + "-DU";
        var created = await BrowserForm.PostAsync(clerk, newUrl, fields);
        var personUrl = created.Headers.Location!.IsAbsoluteUri ? created.Headers.Location.AbsolutePath : created.Headers.Location.OriginalString;

        var retired = await clerk.SubmitAsync(personUrl, "retire-person", []);

        var (location, page) = await clerk.FollowAsync(retired);
        Assert.Equal(personUrl, location);
        Assert.Equal("Đã chuyển người này sang trạng thái đã nghỉ.", page.QuerySelector("#message")!.TextContent.Trim());
        Assert.Contains("Đã nghỉ", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The directory's editors answered a bare 302 with nothing said: a unit created, changed and moved and a
    /// person changed each answer 303 to the record, which says once what was done.</summary>
    [Fact]
    public async Task DirectoryEditors_UnitCreatedEditedMovedPersonEdited_303ToTheRecordWithANoticeShownOnce()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var code = Demo.AnLac + "-PRG-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var newUrl = "/directory/units/new?parent=" + Demo.AnLac;
        var (_, blank) = await clerk.GetPageAsync(newUrl);
        var fields = BrowserForm.Fields(blank, "unit");
        fields["Input.Code"] = code;
        fields["Input.Name"] = "Tổ thông báo sau khi lưu";
        fields["Input.ShortName"] = "Tổ thông báo";
        fields["Input.Kind"] = "Organization";

        var (unitUrl, created) = await clerk.FollowAsync(await BrowserForm.PostAsync(clerk, newUrl, fields));
        var (_, reloaded) = await clerk.GetPageAsync(unitUrl);
        Assert.Equal("Đã thêm đơn vị Tổ thông báo sau khi lưu.", created.QuerySelector("#message")!.TextContent.Trim());
        Assert.Null(reloaded.QuerySelector("#message"));

        var (_, editForm) = await clerk.GetPageAsync(unitUrl + "/edit");
        var edit = BrowserForm.Fields(editForm, "unit");
        edit["Input.ShortName"] = "Tổ thông báo (sửa)";
        var (editedUrl, edited) = await clerk.FollowAsync(await BrowserForm.PostAsync(clerk, unitUrl + "/edit", edit));
        Assert.Equal(unitUrl, editedUrl);
        Assert.Equal("Đã lưu đơn vị.", edited.QuerySelector("#message")!.TextContent.Trim());

        var moved = await clerk.SubmitAsync(unitUrl + "/move", "move", new() { ["Input.NewParentCode"] = Demo.BinhDong });
        var (movedUrl, afterMove) = await clerk.FollowAsync(moved);
        Assert.Equal(unitUrl, movedUrl);
        Assert.Equal("Đã chuyển đơn vị sang đơn vị cấp trên mới.", afterMove.QuerySelector("#message")!.TextContent.Trim());
        Assert.Equal(Demo.BinhDong, await app.WithDbAsync(db => db.Units.Where(u => u.Code == code).Select(u => db.Units.Single(p => p.Id == u.ParentId).Code).SingleAsync()));

        var person = await app.FirstPersonOfAsync(Demo.AnLac + "-DU");
        var personUrl = $"/directory/people/{person.Id}";
        var (_, personForm) = await clerk.GetPageAsync(personUrl + "/edit");
        var personFields = BrowserForm.Fields(personForm, "person");
        personFields["Input.Phone"] = "0912 345 678";
        var (personLocation, personPage) = await clerk.FollowAsync(await BrowserForm.PostAsync(clerk, personUrl + "/edit", personFields));
        Assert.Equal(personUrl, personLocation);
        Assert.Equal("Đã lưu thông tin người này.", personPage.QuerySelector("#message")!.TextContent.Trim());
    }
}
