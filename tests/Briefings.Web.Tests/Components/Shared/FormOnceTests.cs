using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Conclusions;
using Briefings.Web.Components.Shared;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Components.Shared;

/// <summary>A form that creates a record creates one, however often the same form is posted (<see cref="FormOnce"/>):
/// two posts at once — a double tap, a slow phone's retry, JavaScript off so nothing disables the button — and one
/// more afterwards all answer 303 to the one record, with the first post's notice. A refused post keeps its token,
/// so the corrected form still counts once.</summary>
[Collection(AppCollection.Name)]
public sealed class FormOnceTests(AppFactory app)
{
    [Fact]
    public async Task NewMeeting_SameFormPostedTwiceAtOnceThenAgain_OneMeetingOneAuditEntryEveryPostSentToItWithTheNotice()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/meetings/new");
        var fields = BrowserForm.Fields(page, "meeting");
        var title = $"Giao ban gửi hai lần {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.Date"] = "2032-04-06";
        fields["Input.StartTime"] = "08:00";
        fields["Input.EndTime"] = "11:00";
        fields["Input.Place"] = $"Phòng gửi hai lần {Guid.NewGuid():N}";
        fields["Input.OrganizerCode"] = "HU-TP-BDV";
        Assert.True(Guid.TryParse(fields[FormOnce.FieldName], out _));

        var atOnce = await Task.WhenAll(BrowserForm.PostAsync(clerk, "/meetings/new", fields), BrowserForm.PostAsync(clerk, "/meetings/new", fields));
        var retry = await BrowserForm.PostAsync(clerk, "/meetings/new", fields);

        var meeting = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Title == title));
        Assert.All(atOnce.Append(retry), r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.All(atOnce.Append(retry), r => Assert.Equal($"/meetings/{meeting.Id}", r.Headers.Location!.AbsolutePath));
        var (_, shown) = await clerk.FollowAsync(retry);
        Assert.Equal("Đã thêm cuộc họp.", shown.QuerySelector("#message")!.TextContent.Trim());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Meeting" && a.EntityId == meeting.Id.ToString())));
    }

    [Fact]
    public async Task NewMeeting_RefusedThenCorrected_TokenKeptAndOneMeetingMade()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/meetings/new");
        var fields = BrowserForm.Fields(page, "meeting");
        var title = $"Giao ban sửa rồi gửi {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.Date"] = "2032-04-07";
        fields["Input.StartTime"] = "08:00";
        fields["Input.EndTime"] = "11:00";
        fields["Input.OrganizerCode"] = "HU-TP-BDV";

        var refused = await BrowserForm.PostAsync(clerk, "/meetings/new", fields);
        var again = BrowserForm.Fields(AppClient.Parse(await refused.Content.ReadAsStringAsync()), "meeting");
        again["Input.Place"] = $"Phòng sửa rồi gửi {Guid.NewGuid():N}";
        var saved = await Task.WhenAll(BrowserForm.PostAsync(clerk, "/meetings/new", again), BrowserForm.PostAsync(clerk, "/meetings/new", again));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(fields[FormOnce.FieldName], again[FormOnce.FieldName]);
        Assert.Equal(title, again["Input.Title"]);
        Assert.All(saved, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.Title == title)));
    }

    [Fact]
    public async Task NewConclusionDraft_SameFormPostedTwiceAtOnce_OneDraftBothSentToItWithTheNotice()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/conclusions/new");
        var fields = BrowserForm.Fields(page, "conclusion-form");
        var summary = $"Kết luận gửi hai lần {Guid.NewGuid():N}";
        fields["Form.Summary"] = summary;
        fields["Form.Body"] = "I. Nhiệm vụ thời gian tới\n1. Các đơn vị tiếp tục theo dõi việc thực hiện.";
        fields["Form.Action"] = "save";

        var atOnce = await Task.WhenAll(BrowserForm.PostAsync(clerk, "/conclusions/new", fields), BrowserForm.PostAsync(clerk, "/conclusions/new", fields));

        foreach (var r in atOnce)
        {
            Assert.True(r.StatusCode == HttpStatusCode.SeeOther, $"{(int)r.StatusCode}: " + string.Join(" | ", AppClient.Parse(await r.Content.ReadAsStringAsync()).QuerySelectorAll(".alert-error, .validation-message").Select(e => e.TextContent.Trim())));
        }

        var draft = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Summary == summary));
        Assert.All(atOnce, r => Assert.Equal($"/conclusions/{draft.Id}", r.Headers.Location!.AbsolutePath));
        var (_, shown) = await clerk.FollowAsync(atOnce[1]);
        Assert.Equal("Đã lưu dự thảo.", shown.QuerySelector("#message")!.TextContent.Trim());
    }

    [Fact]
    public async Task TaskReport_SameFormPostedTwiceAtOnce_OneReportBothSentBackWithTheNotice()
    {
        var task = (await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(12))))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        var url = $"/tasks/{task.Id}";
        var (_, page) = await anLac.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "report-form");
        fields["ReportText"] = "Đã họp triển khai ở các ấp.";
        fields["ReportPercent"] = "30";

        var atOnce = await Task.WhenAll(BrowserForm.PostMultipartAsync(anLac, url, fields, "Files"), BrowserForm.PostMultipartAsync(anLac, url, fields, "Files"));

        Assert.All(atOnce, r => Assert.True(r.StatusCode == HttpStatusCode.SeeOther, $"{(int)r.StatusCode}"));
        Assert.Equal(1, await app.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task.Id)));
        var (_, shown) = await anLac.FollowAsync(atOnce[0]);
        Assert.Equal("Đã gửi báo cáo.", shown.QuerySelector("#message")!.TextContent.Trim());
    }

    [Fact]
    public async Task NewAccount_SameFormPostedTwiceAtOnce_OneAccountBothShownItsOneTimePassword()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/accounts");
        var fields = BrowserForm.Fields(page, "account");
        var userName = $"xa.hailan{Guid.NewGuid():N}"[..24];
        fields["Input.UserName"] = userName;
        fields["Input.FullName"] = "Văn phòng xã gửi hai lần";
        fields["Input.Role"] = "UnitStaff";
        fields["Input.UnitCode"] = Demo.AnLac;

        var atOnce = await Task.WhenAll(BrowserForm.PostAsync(clerk, "/accounts", fields), BrowserForm.PostAsync(clerk, "/accounts", fields));

        Assert.All(atOnce, r => Assert.True(r.StatusCode == HttpStatusCode.SeeOther, $"{(int)r.StatusCode}"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == userName)));
        var (_, shown) = await clerk.FollowAsync(atOnce[1]);
        Assert.Contains($"Đã tạo tài khoản {userName}.", shown.QuerySelector("#created")!.TextContent, StringComparison.Ordinal);
        var password = shown.QuerySelector("#created code")!.TextContent;
        using var newcomer = app.Client();
        Assert.Contains("ChangePassword", (await newcomer.LoginAsync(userName, password)).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_PostedByAnotherAccount_NotAnsweredWithTheFirstAccountsRecord()
    {
        // A token is only ever the sender's own: someone else's (copied, forged) tells nothing about the first post.
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/directory/people/new?unit=" + Demo.AnLac + "-DU");
        var fields = BrowserForm.Fields(page, "person");
        fields["Input.FullName"] = $"Trần Văn Một Lần {Guid.NewGuid():N}";
        fields["Input.Positions[0].Title"] = "Chuyên viên";
        fields["Input.Positions[0].UnitCode"] = Demo.AnLac + "-DU";
        var first = await BrowserForm.PostAsync(clerk, "/directory/people/new", fields);
        using var commune = await app.LoginAsync("xa.anlac");
        var (_, theirs) = await commune.GetPageAsync("/directory/people/new?unit=" + Demo.AnLac + "-DU");
        var other = BrowserForm.Fields(theirs, "person");
        other["Input.FullName"] = $"Lê Thị Của Xã {Guid.NewGuid():N}";
        other["Input.Positions[0].Title"] = "Chuyên viên";
        other["Input.Positions[0].UnitCode"] = Demo.AnLac + "-DU";
        other[FormOnce.FieldName] = fields[FormOnce.FieldName];

        var second = await BrowserForm.PostAsync(commune, "/directory/people/new", other);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.NotEqual(first.Headers.Location!.AbsolutePath, second.Headers.Location!.AbsolutePath);
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.FullName == other["Input.FullName"])));
    }

    [Fact]
    public async Task Correction_PostedTwiceAtOnce_OneCorrectionDraft()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(30))));
        var conclusionId = issued.Task(1).ConclusionId;
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/conclusions/{conclusionId}";
        var (_, page) = await clerk.GetPageAsync(url);
        var form = page.Forms.First(f => f.QuerySelector("input[name='_handler'][value='correct']") is not null);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input").Where(i => i.Name is { Length: > 0 }).ToDictionary(i => i.Name!, i => i.Value);
        var before = await app.WithDbAsync(db => db.Conclusions.CountAsync());

        var atOnce = await Task.WhenAll(BrowserForm.PostAsync(clerk, url, fields), BrowserForm.PostAsync(clerk, url, fields));

        Assert.All(atOnce, r => Assert.True(r.StatusCode == HttpStatusCode.SeeOther, $"{(int)r.StatusCode}"));
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Conclusions.CountAsync()));
        var (location, shown) = await clerk.FollowAsync(atOnce[0]);
        Assert.EndsWith("/edit", location, StringComparison.Ordinal);
        Assert.StartsWith("Đã tạo dự thảo văn bản đính chính", shown.QuerySelector("#message")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
