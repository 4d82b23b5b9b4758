using System.Net;
using Briefings.Core.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>The meeting editor posted as a browser posts it: chair and secretary left at "— Chưa chọn —" (empty
/// values), no coordinating units, no agenda. Everything typed comes back; a forged option saves nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class MeetingEditPageTests(AppFactory app)
{
    [Fact]
    public async Task Save_EmptySelectsAndOptionalFields_SavedAndReadBack()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/meetings/new");
        var fields = BrowserForm.Fields(page, "meeting");
        var title = $"Giao ban thử biểu mẫu {Guid.NewGuid():N}";
        var place = $"Phòng họp biểu mẫu {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.Date"] = "2031-03-03";
        fields["Input.StartTime"] = "08:00";
        fields["Input.EndTime"] = "11:00";
        fields["Input.Place"] = place;
        fields["Input.OrganizerCode"] = "HU-TP-BDV";
        Assert.Equal("", fields["Input.ChairPersonId"]);
        Assert.Equal("", fields["Input.SecretaryPersonId"]);

        var response = await BrowserForm.PostAsync(clerk, "/meetings/new", fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var meeting = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Title == title));
        var vietnam = TimeSpan.FromHours(7);
        Assert.Equal((new DateTimeOffset(2031, 3, 3, 8, 0, 0, vietnam), new DateTimeOffset(2031, 3, 3, 11, 0, 0, vietnam), place), (meeting.StartsAt, meeting.EndsAt, meeting.Place));
        Assert.Null(meeting.ChairPersonId);
        Assert.Null(meeting.SecretaryPersonId);
    }

    [Fact]
    public async Task Save_OrganizerLeftEmpty_AskedForItNextToTheFieldWhatWasTypedKept()
    {
        // The form opens with the organizer's code empty: a clerk who skips it must be asked for it, not told that a
        // code nobody typed was not found.
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/meetings/new");
        var fields = BrowserForm.Fields(page, "meeting");
        Assert.Equal("", fields["Input.OrganizerCode"]);
        var title = $"Giao ban chưa có đơn vị chủ trì {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.Date"] = "2031-03-05";
        fields["Input.StartTime"] = "08:00";
        fields["Input.EndTime"] = "11:00";
        fields["Input.Place"] = $"Phòng {Guid.NewGuid():N}";

        var response = await BrowserForm.PostAsync(clerk, "/meetings/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var shown = AppClient.Parse(await response.Content.ReadAsStringAsync());
        var field = shown.QuerySelector("#organizer")!.ParentElement!.TextContent;
        Assert.Contains("Vui lòng nhập mã đơn vị chủ trì chuẩn bị.", field, StringComparison.Ordinal);
        Assert.DoesNotContain("Không tìm thấy", field, StringComparison.Ordinal);
        Assert.Equal(title, shown.QuerySelector("#title")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title == title)));
    }

    /// <summary>The chair posted as a browser would if the select were forged: a neighbouring commune's cadre on An Lạc's
    /// meeting. Refused next to the field in Vietnamese, everything typed kept, nothing saved.</summary>
    [Fact]
    public async Task Save_ChairFromTheNeighbouringCommune_RefusedNextToTheFieldWhatWasTypedKept()
    {
        var account = await app.NewAccountAsync(Core.Organizations.Roles.Clerk, Demo.AnLac);
        var binhDong = await app.UnitAsync(Demo.BinhDong);
        var neighbour = await app.WithDbAsync(db => db.People.AsNoTracking()
            .Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Path.StartsWith(binhDong.Path))).Select(p => p.Id).FirstAsync());
        using var clerk = await app.LoginAsync(account.UserName!);
        var (_, page) = await clerk.GetPageAsync("/meetings/new");
        var fields = BrowserForm.Fields(page, "meeting");
        var title = $"Giao ban xã chủ trì lạ {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.Date"] = "2031-03-06";
        fields["Input.StartTime"] = "08:00";
        fields["Input.EndTime"] = "11:00";
        fields["Input.Place"] = $"Phòng {Guid.NewGuid():N}";
        fields["Input.OrganizerCode"] = Demo.AnLac + "-DU";
        fields["Input.ChairPersonId"] = neighbour.ToString();

        var response = await BrowserForm.PostAsync(clerk, "/meetings/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var shown = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("phải là cán bộ của", shown.QuerySelector("#chair")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, shown.QuerySelector("#title")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title == title)));
    }

    [Theory]
    [InlineData("Input.Type", "Bogus")]
    [InlineData("Input.ChairPersonId", "khong-phai-ma")]
    public async Task Save_ForgedOption_RefusedNothingSaved(string field, string value)
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/meetings/new");
        var fields = BrowserForm.Fields(page, "meeting");
        var title = $"Giao ban giả mạo {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.Date"] = "2031-03-04";
        fields["Input.StartTime"] = "08:00";
        fields["Input.EndTime"] = "11:00";
        fields["Input.Place"] = $"Phòng {Guid.NewGuid():N}";
        fields["Input.OrganizerCode"] = "HU-TP-BDV";
        fields[field] = value;

        var response = await BrowserForm.PostAsync(clerk, "/meetings/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Chưa lưu gì", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title == title)));
    }

    [Fact]
    public async Task Edit_SavedMeetingWithNonFirstChoices_FormMarksThemSoAnUnchangedPostKeepsThem()
    {
        // A statically rendered select that marks no option makes the browser post the first one: saving an unchanged
        // form would silently turn a thematic, in-person meeting into an online quarterly briefing.
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/meetings/new");
        var fields = BrowserForm.Fields(page, "meeting");
        var title = $"Giao ban chuyên đề chọn sẵn {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.Type"] = nameof(MeetingType.ThematicBriefing);
        fields["Input.Mode"] = nameof(MeetingMode.InPerson);
        fields["Input.Date"] = "2031-04-08";
        fields["Input.StartTime"] = "08:00";
        fields["Input.EndTime"] = "11:00";
        fields["Input.Place"] = "Hội trường chọn sẵn";
        fields["Input.OrganizerCode"] = "HU-TP-BDV";
        Assert.Equal(HttpStatusCode.SeeOther, (await BrowserForm.PostAsync(clerk, "/meetings/new", fields)).StatusCode);
        var id = await app.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Title == title).Select(m => m.Id).SingleAsync());

        var (_, edit) = await clerk.GetPageAsync($"/meetings/{id}/edit");
        var again = BrowserForm.Fields(edit, "meeting");
        Assert.Equal((nameof(MeetingType.ThematicBriefing), nameof(MeetingMode.InPerson)), (again["Input.Type"], again["Input.Mode"]));
        await BrowserForm.PostAsync(clerk, $"/meetings/{id}/edit", again);

        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((MeetingType.ThematicBriefing, MeetingMode.InPerson), (stored.Type, stored.Mode));
    }
}
