using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Features.Conclusions;
using Briefings.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Briefings.Web.Tests.Data;

/// <summary>Text is clean when stored: hostile characters never reach an output, whatever wrote them, and text
/// stored before the rule existed is repaired at start-up.</summary>
[Collection(AppCollection.Name)]
public sealed class StoredTextTests(AppFactory app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task HostileText_IssuedPublicConclusion_PageDocxPdfAtomJsonAllRender()
    {
        var published = await PublishingFixture.NewAsync(app, issue: true, isPublic: true, HostileText.WithLoneSurrogate, firstItemText: HostileText.Mixed);
        using var anonymous = app.Client();
        using var clerk = await app.LoginAsync("vanphong");

        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == published.Id));
        Assert.EndsWith(HostileText.MixedClean, stored.Summary, StringComparison.Ordinal);
        Assert.Equal(HostileText.MixedClean, stored.Items.Single(i => i.SectionOrder == 1 && i.Number == 1).Text);

        var (publicStatus, publicPage) = await anonymous.GetPageAsync($"/public/conclusions/{published.Id}");
        Assert.Equal(HttpStatusCode.OK, publicStatus);
        Assert.Contains("Nguyễn", publicPage.QuerySelector("#document")!.TextContent, StringComparison.Ordinal);
        var (internalStatus, _) = await clerk.GetPageAsync($"/conclusions/{published.Id}");
        Assert.Equal(HttpStatusCode.OK, internalStatus);

        var feed = await anonymous.Http.GetAsync("/public/conclusions.atom");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var entries = XDocument.Parse(await feed.Content.ReadAsStringAsync()).Root!.Elements(Atom + "entry");
        Assert.Contains(entries, e => e.Element(Atom + "id")!.Value == $"urn:uuid:{published.Id}");

        var list = await anonymous.Http.GetAsync("/api/public/conclusions");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using (JsonDocument.Parse(await list.Content.ReadAsStringAsync()))
        {
        }

        var one = await anonymous.Http.GetAsync($"/api/public/conclusions/{published.Id}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using (var json = JsonDocument.Parse(await one.Content.ReadAsStringAsync()))
        {
            Assert.Contains(Strings(json.RootElement), v => v.Contains(HostileText.MixedClean, StringComparison.Ordinal));
        }

        var docx = await clerk.Http.GetAsync($"/conclusions/{published.Id}/document.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains("Nguyễn", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        var pdf = await clerk.Http.GetAsync($"/conclusions/{published.Id}/document.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileText_MeetingAndUnit_IcsEmailLetterXlsxAndPagesRender()
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        var admin = (await app.UserContextAsync("admin")).Scope;
        var title = "Giao ban " + Guid.NewGuid().ToString("N")[..6] + " " + HostileText.Mixed;
        Guid meetingId;
        await using (var scope = app.Scope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, title, MeetingType.QuarterlyBriefing, MeetingMode.Online,
                new DateOnly(2039, 5, 7), new TimeOnly(8, 0), new TimeOnly(11, 0), "Phòng " + HostileText.Mixed, "HU-TP-BDV", "MT-TP", null, null, "Mục " + HostileText.Mixed + " | | 30", 0), admin);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            meetingId = saved.Value!.Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(meetingId, admin)).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(meetingId, admin)).Succeeded);
        }

        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.EndsWith(HostileText.MixedClean, stored.Title, StringComparison.Ordinal);
        using var commune = await app.LoginAsync("xa.anlac");

        var (pageStatus, _) = await commune.GetPageAsync($"/meetings/{meetingId}");
        Assert.Equal(HttpStatusCode.OK, pageStatus);

        var letter = await commune.Http.GetAsync($"/meetings/{meetingId}/invitation.docx");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        using (WordprocessingDocument.Open(new MemoryStream(await letter.Content.ReadAsByteArrayAsync()), false))
        {
        }

        var anLac = await app.UnitAsync(Demo.AnLac);
        var token = app.Services.GetRequiredService<CalendarFeeds>().Token("unit", anLac.Id);
        var ics = await app.Client().Http.GetAsync($"/calendar/units/{anLac.Id}.ics?token={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        var calendar = Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync())!;
        Assert.Contains(calendar.Events, e => e.Summary == stored.Title);

        var mails = Directory.GetFiles(Path.Combine(app.Folder, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToList();
        Assert.Contains(mails, m => (m.Subject + m.TextBody + m.HtmlBody).Contains("Nguyễn", StringComparison.Ordinal));

        var unitName = "Tổ " + Guid.NewGuid().ToString("N")[..6] + " " + HostileText.WithLoneSurrogate;
        var code = await app.WithDbAsync(async db =>
        {
            var parent = await db.Units.SingleAsync(u => u.Code == Demo.AnLac);
            var id = Guid.CreateVersion7();
            // Under An Lạc with its code prefix: the commune's export test expects only codes of the commune.
            var unitCode = $"{Demo.AnLac}-HT-{id.ToString("N")[..8]}";
            db.Units.Add(Unit.Create(id, unitCode, unitName, "Tổ " + HostileText.Mixed, UnitKind.Organization, parent));
            await db.SaveChangesAsync();
            return unitCode;
        });
        using var clerk = await app.LoginAsync("vanphong");
        var (unitStatus, _) = await clerk.GetPageAsync($"/directory/units/{(await app.UnitAsync(code)).Id}");
        Assert.Equal(HttpStatusCode.OK, unitStatus);
        var xlsx = await clerk.Http.GetAsync("/directory/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true, sheetName: "DonVi").Cast<IDictionary<string, object?>>();
        Assert.Contains(rows, r => Equals(r["Mã đơn vị"], code) && ((string)r["Tên đầy đủ"]!).EndsWith(HostileText.MixedClean, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [Fact]
    public async Task Repair_TextStoredBeforeTheRule_CleanedOnceAndAudited()
    {
        var unit = await app.UnitAsync(Demo.BinhDong + "-PN");
        var dirty = unit.Name + "\vsửa\u0001 Nguye\u0302\u0303n";
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == unit.Id.ToString()));
        await app.WithDbAsync(async db =>
        {
            // Written past the boundary, as rows stored by earlier versions are.
            await db.Database.ExecuteSqlAsync($"UPDATE \"Units\" SET \"Name\" = {dirty} WHERE \"Code\" = {unit.Code}");
            await db.Settings.Where(s => s.Key == StoredTextRepair.DoneKey).ExecuteDeleteAsync();
            return 0;
        });

        var first = await app.WithDbAsync(db => StoredTextRepair.RunAsync(db));
        var second = await app.WithDbAsync(db => StoredTextRepair.RunAsync(db));

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal(unit.Name + "\nsửa Nguyễn", (await app.UnitAsync(unit.Code)).Name);
        Assert.Equal(audited + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == unit.Id.ToString())));
    }
}
