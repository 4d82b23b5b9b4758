using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.HostileInput;

/// <summary>
/// Found from outside (walk-hostile, evening): values a date picker or a hand-made post lets through that the forms did
/// not expect — year 0001 and 9999 in planned dates, a sign-in's return address of another site or with markup, a NUL
/// character in a form value.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UnexpectedValuesTests(AppFactory app)
{
    /// <summary>Year 0001 at 06:00 in Vietnam is before year 1 in UTC: the meeting editor answered the error page (500).
    /// Year 9999 was saved: a meeting eight thousand years away. Both now get the message next to the date, and what was
    /// typed is still in the form.</summary>
    [Theory]
    [InlineData("0001-01-01", "06:00")]
    [InlineData("0001-01-01", "08:00")]
    [InlineData("9999-12-31", "08:00")]
    [InlineData("1999-12-31", "08:00")]
    public async Task SaveMeeting_DateOutsideThePlanningYears_MessageNextToTheDateTypedKeptNothingSaved(string date, string start)
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/meetings/new");
        var fields = BrowserForm.Fields(page, "meeting");
        var title = $"Giao ban ngày ngoài khoảng {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.Date"] = date;
        fields["Input.StartTime"] = start;
        fields["Input.EndTime"] = "11:00";
        fields["Input.Place"] = $"Phòng {Guid.NewGuid():N}";
        fields["Input.OrganizerCode"] = "HU-TP-BDV";

        var response = await BrowserForm.PostAsync(clerk, "/meetings/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var shown = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ngày họp phải trong khoảng năm 2000 đến năm 2100.", shown.QuerySelector("#date")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, shown.QuerySelector("#title")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title == title)));
    }

    /// <summary>A commune asked for a new due day of 31/12/9999 and it was sent to the office as any other request.</summary>
    [Fact]
    public async Task RequestExtension_ToYear9999_MessageNextToTheDateNothingSent()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var anLac = await app.LoginAsync("xa.anlac");

        var sent = await anLac.SubmitAsync($"/tasks/{issued.Task(1).Id}", "extend", new() { ["ExtendTo"] = "9999-12-31", ["ExtendReason"] = "Chờ số liệu." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.StatusCode);
        var page = AppClient.Parse(await sent.Content.ReadAsStringAsync());
        Assert.Contains("Thời hạn mới phải trong khoảng năm 2000 đến năm 2100.", page.QuerySelector("#extend-date")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chờ số liệu.", page.QuerySelector("#extend-reason")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.TaskExtensions.AnyAsync(e => e.TaskId == issued.Task(1).Id)));
    }

    /// <summary>A sign-in whose return address is another site, "/\host" or a hand-made address with markup answered the
    /// error page after the password was accepted (the redirect helper threw on an address outside the site). It now goes
    /// to the home page of this site, signed in; a return address of this site is still followed.</summary>
    [Theory]
    [InlineData("http://evil.example/x", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/tasks?q=<script>", "/")]
    [InlineData("/tasks", "/tasks")]
    public async Task Login_ReturnAddressOutsideTheSiteOrMalformed_SignedInAndSentHomeNeverAnError(string returnUrl, string expected)
    {
        using var client = app.Client();
        var url = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        var response = await client.SubmitAsync(url, "login", new() { ["Input.UserName"] = "bandanvan", ["Input.Password"] = AppFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", location.OriginalString);
        Assert.Equal(expected, location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/tasks")).StatusCode);
    }

    /// <summary>A NUL character in any form value (text pasted from a program that writes them, or a forged post) made the
    /// framework's form reader refuse the whole form, and the page said the form had too many fields or was too large.</summary>
    [Fact]
    public async Task SubmitReport_TextWithANulCharacter_SaysSoNotTooLargeNothingSaved()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var anLac = await app.LoginAsync("xa.anlac");

        var sent = await anLac.SubmitAsync($"/tasks/{issued.Task(1).Id}", "report", new() { ["ReportText"] = "Đã triển khai\0 xong", ["ReportPercent"] = "40" });

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var page = AppClient.Parse(await sent.Content.ReadAsStringAsync());
        Assert.Equal(InputRefusals.NulCharacterMessage, page.QuerySelector("#refusal")?.TextContent);
        Assert.False(await app.WithDbAsync(db => db.TaskReports.AnyAsync(r => r.TaskId == issued.Task(1).Id)));
    }

    /// <summary>Left by walk-review: a NUL in an uploaded file's name was dropped, so "họp" NUL "dân" was stored "họpdân";
    /// a tab or a line break from a script's name went into the stored name and the download's header. Each control
    /// character is now a space and a run of spaces one, the rest of the name as sent.</summary>
    [Theory]
    [InlineData("Biên bản họp\0dân ấp Tân Hòa.pdf", "Biên bản họp dân ấp Tân Hòa.pdf")]
    [InlineData("Biên bản\t\thọp\r\ndân  ấp.pdf", "Biên bản họp dân ấp.pdf")]
    [InlineData("..\\..\\C:/Windows/Báo cáo\u0001quý IV.pdf", "Báo cáo quý IV.pdf")]
    public async Task SubmitReport_AttachmentNameWithControlCharacters_StoredWithASpaceBetweenTheWords(string sent, string stored)
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var anLac = await app.LoginAsync("xa.anlac");

        var response = await anLac.PostMultipartAsync($"/tasks/{issued.Task(1).Id}", "report", new() { ["ReportText"] = "Gửi kèm biên bản.", ["ReportPercent"] = "50" },
            (sent, "%PDF-1.4 biên bản"u8.ToArray()));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var attachment = await app.WithDbAsync(db => db.TaskAttachments.AsNoTracking().SingleAsync(a => a.TaskId == issued.Task(1).Id));
        Assert.Equal(stored, attachment.FileName);
    }

    /// <summary>Found from outside (walk-hostile4): the sign-out form's return address went into LocalRedirect("~/" + it);
    /// "/evil.example" made "//evil.example", another site, and the framework threw: a 500 for a forged form. Such an
    /// address now signs out and goes home; an address of this site is followed as before.</summary>
    [Theory]
    [InlineData("/evil.example", "/")]
    [InlineData("\\evil.example", "/")]
    [InlineData("/\\evil.example/x", "/")]
    [InlineData("tasks\nx", "/")]
    [InlineData("tasks", "/tasks")]
    public async Task Logout_ReturnAddressOfAnotherSite_SignedOutAndSentHomeNeverAnError(string returnUrl, string expected)
    {
        using var client = await app.LoginAsync("bandanvan");
        var (_, page) = await client.GetPageAsync("/");
        var token = page.QuerySelector("form[action='Account/Logout'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await client.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["ReturnUrl"] = returnUrl,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        var after = await client.Http.GetAsync("/tasks");
        Assert.Contains("/Account/Login", after.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
