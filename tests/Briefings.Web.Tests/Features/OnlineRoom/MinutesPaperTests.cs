using System.Net;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Documents;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>Meetings with a chair and a secretary, composed and invited, for the paper tests.</summary>
public static class PaperMeetings
{
    public const string Chair = "Phạm Quốc Bảo";
    public const string Secretary = "Đoàn Thị Ngọc Trâm";

    /// <summary>A meeting of the demo district organised by the Ban Dân vận: chaired by its head, the deputy as
    /// secretary, every commune an endpoint; the invitation sent (and so numbered).</summary>
    public static async Task<Meeting> NewAsync(AppFactory app, string title, DateOnly date, MeetingMode mode = MeetingMode.Both)
    {
        var admin = new AccessScope(true, null, null, true, true);
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        var (chair, secretary) = await app.WithDbAsync(async db => (
            await db.People.Where(p => p.FullName == Chair).Select(p => p.Id).SingleAsync(),
            await db.People.Where(p => p.FullName == Secretary).Select(p => p.Id).SingleAsync()));
        await using var scope = app.Scope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, title, MeetingType.QuarterlyBriefing, mode, date,
            new TimeOnly(8, 0), new TimeOnly(11, 0), "Hội trường Huyện ủy " + title, "HU-TP-BDV", "MT-TP", chair, secretary,
            "Báo cáo kết quả công tác dân vận quý | Ban Dân vận | 30\nÝ kiến các đơn vị | | 60\nKết luận của đồng chí chủ trì | | 15", 0), admin);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(saved.Value!.Id, admin)).Succeeded);
        Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(saved.Value!.Id, admin)).Succeeded);
        return await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == saved.Value!.Id));
    }
}

/// <summary>The biên bản: built from the roll call, the minutes typed per item and the speakers; signed by the
/// secretary and the chair; the layout checks and the validator on the .docx; the PDF from LibreOffice.</summary>
public sealed class MinutesPaperTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task MinutesDocx_HeldMeeting_RollCallMinutesSpeakersAndTwoSignatures()
    {
        var meeting = await PaperMeetings.NewAsync(app, "Giao ban dân vận có biên bản", new DateOnly(2031, 3, 4));
        var grant = new RoomAccess.Grant(meeting.Id, meeting.BodyAreaId, true, true, [], "vanphong");
        var invitations = await app.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.MeetingId == meeting.Id)
            .Join(db.People, i => i.PersonId, p => p.Id, (i, p) => new { i.Id, i.EndpointId, p.FullName }).ToListAsync());
        var anLac = await app.EndpointOfAsync(meeting.Id, DemoDistrict.CommuneCode(0));
        var absent = invitations.First(i => i.EndpointId == anLac);
        await using (var scope = app.Scope())
        {
            var roll = scope.ServiceProvider.GetRequiredService<RollCall>();
            foreach (var invitation in invitations)
            {
                var status = invitation.Id == absent.Id ? AttendanceStatus.Absent : invitation.EndpointId == anLac ? AttendanceStatus.Online : AttendanceStatus.InRoom;
                Assert.Null(await roll.MarkAsync(grant, invitation.Id, status, invitation.Id == absent.Id ? "Đi công tác tỉnh" : null, null));
            }

            var minutes = scope.ServiceProvider.GetRequiredService<SaveMinutes>();
            Assert.True((await minutes.RunAsync(grant, 1, "Đồng chí Trưởng Ban Dân vận trình bày báo cáo quý.\nHội nghị thống nhất nội dung báo cáo.", 0)).Succeeded);
            Assert.True((await minutes.RunAsync(grant, 3, "Đồng chí chủ trì kết luận: các xã hoàn thành rà soát trước 15/4.", 0)).Succeeded);
            var queue = scope.ServiceProvider.GetRequiredService<SpeakerQueue>();
            Assert.Null(await queue.AddAsync(grant, anLac, "Kiến nghị sửa đường giao thông nông thôn", 5));
        }

        await using (var scope = app.Scope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<SpeakerQueue>();
            var speech = await app.WithDbAsync(db => db.LiveRooms.AsNoTracking().Where(r => r.MeetingId == meeting.Id).SelectMany(r => r.Speeches).Select(s => s.Id).SingleAsync());
            Assert.Null(await queue.StartAsync(grant, speech));
            Assert.Null(await queue.StopAsync(grant));
        }

        using var clerk = await app.LoginAsync("vanphong");
        var response = await clerk.Http.GetAsync($"/meetings/{meeting.Id}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();

        PaperLayout.AssertValid(docx, "bien-ban.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("BIÊN BẢN", "Số      -BB/BDVHU",
            [["THƯ KÝ", PaperMeetings.Secretary], ["CHỦ TRÌ", PaperMeetings.Chair]], HasRecipients: false));
        var text = PaperText(docx);
        Assert.Contains("Hội nghị thống nhất nội dung báo cáo.", text, StringComparison.Ordinal);
        Assert.Contains("các xã hoàn thành rà soát trước 15/4", text, StringComparison.Ordinal);
        Assert.Contains($"{absent.FullName} vắng: Đi công tác tỉnh", text, StringComparison.Ordinal);
        Assert.Contains("Kiến nghị sửa đường giao thông nông thôn", text, StringComparison.Ordinal);
        Assert.Contains($"triệu tập {invitations.Count} đại biểu; có mặt {invitations.Count - 1}", text, StringComparison.Ordinal);
        Assert.Contains("(Thư ký chưa ghi nội dung mục này.)", text, StringComparison.Ordinal);
        Assert.Contains("Chủ trì: đồng chí Phạm Quốc Bảo, Trưởng Ban Dân vận Huyện ủy.", text, StringComparison.Ordinal);
        var printed = await PaperArtifacts.RenderAsync(app.Services, "bien-ban", docx);
        Assert.Contains("BIÊN BẢN", printed, StringComparison.Ordinal);
        Assert.Contains(PaperMeetings.Chair, printed, StringComparison.Ordinal);

        var pdf = await clerk.Http.GetAsync($"/meetings/{meeting.Id}/minutes.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task MinutesDocx_NoSignIn_Refused()
    {
        var meeting = await PaperMeetings.NewAsync(app, "Giao ban dân vận biên bản kín", new DateOnly(2031, 3, 5));

        var response = await app.Client().Http.GetAsync($"/meetings/{meeting.Id}/minutes.docx");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Every paragraph of the .docx (tables included), one a line.</summary>
    public static string PaperText(byte[] docx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
