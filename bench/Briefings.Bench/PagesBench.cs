using System.Globalization;
using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Data;
using Briefings.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Bench;

/// <summary>
/// Pages under load (issue 14.5), the part wrk cannot do: gives the demo commune An Lạc (account xa.anlac) an inbox of
/// N open tasks from issued conclusions of the district committee (due dates spread over the past and the coming
/// months, so the inbox and the dashboard have every status), then signs in the commune and the district office and
/// writes their cookie headers for wrk (bench/run.sh pages).
/// </summary>
internal static class PagesBench
{
    public static async Task SeedAsync(string url, string provider, string connection, int tasks, string password, string cookiesOut)
    {
        var options = SearchBench.Options(provider, connection);
        await using (var db = new BriefingsDbContext(options))
        {
            var commune = await db.Units.SingleAsync(u => u.Code == DemoDistrict.CommuneCode(0));
            var committee = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCommitteeCode);
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            for (var c = 0; c < (tasks + 9) / 10; c++)
            {
                var conclusion = Conclusion.Create(committee.Id, "KL", "KẾT LUẬN", string.Create(CultureInfo.InvariantCulture, $"Kết luận giao ban đo tải số {c + 1}")).Value!;
                db.Conclusions.Add(conclusion);
                for (var i = 0; i < 10 && c * 10 + i < tasks; i++)
                {
                    var n = c * 10 + i;
                    var directive = new Directive { SectionOrder = 1, ItemNumber = i + 1, LeadUnitId = commune.Id };
                    db.FollowUpTasks.Add(FollowUpTask.Create(conclusion.Id, committee.Id, string.Create(CultureInfo.InvariantCulture, $"{c + 1:00}-KL/HU"), i + 1, directive,
                        string.Create(CultureInfo.InvariantCulture, $"Nhiệm vụ đo tải {n + 1}: rà soát, tổng hợp và báo cáo kết quả thực hiện nghị quyết tại cơ sở"),
                        commune.Path, [], null, today.AddDays(n % 7 == 0 ? -10 - n : 5 + n * 3), now.AddMinutes(-n)));
                }
            }

            await db.SaveChangesAsync();
        }

        var commune1 = await RoomBench.SignInAsync(url, "xa.anlac", password);
        var office = await RoomBench.SignInAsync(url, "vanphong", password);
        await File.WriteAllLinesAsync(cookiesOut, [Header(commune1, url), Header(office, url)]);
    }

    private static string Header(CookieContainer cookies, string url) =>
        "Cookie: " + string.Join("; ", cookies.GetCookies(new Uri(url)).Select(c => c.Name + "=" + c.Value));
}
