using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>Numbering by term and by year, as configured per issuer; an app of its own so the settings and
/// the registers do not touch the shared one.</summary>
public sealed class NumberingConfigurationTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 15, 2, 0, 0, TimeSpan.Zero);

    private readonly ConfiguredAppFactory app = new(new Dictionary<string, string?>
    {
        [$"Conclusions:Numbering:{DemoDistrict.DistrictCommitteeCode}:Period"] = "Term",
        [$"Conclusions:Numbering:{DemoDistrict.DistrictCommitteeCode}:TermStartYear"] = "2025",
        [$"Conclusions:Numbering:{Demo.AnLac}-DU:Period"] = "Year",
    });

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Issue_TermAndYearIssuers_EachCountsInItsPeriod()
    {
        var district = await IssueOnAsync(DemoDistrict.DistrictCommitteeCode, new DateOnly(2026, 4, 15), new DateOnly(2029, 12, 30), new DateOnly(2030, 1, 5));
        var commune = await IssueOnAsync($"{Demo.AnLac}-DU", new DateOnly(2026, 4, 15), new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 5));

        Assert.Equal([(1, "2025-2030"), (2, "2025-2030"), (1, "2030-2035")], district);
        Assert.Equal([(1, "2026"), (2, "2026"), (1, "2027")], commune);
        var numbers = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().Where(c => c.Sequence != null).ToListAsync());
        Assert.Contains(numbers, c => c.Number!.Value.Display == "Số 01-KL/ĐU");
    }

    private async Task<List<(int Sequence, string Period)>> IssueOnAsync(string issuerCode, params DateOnly[] days)
    {
        var result = new List<(int, string)>();
        foreach (var day in days)
        {
            var id = await app.WithDbAsync(async db =>
            {
                var issuer = await db.Units.AsNoTracking().SingleAsync(u => u.Code == issuerCode);
                var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
                var conclusion = Conclusion.Create(issuer.Id, "KL", "KẾT LUẬN", "Giao ban").Value!;
                Assert.Null(conclusion.Describe("Giao ban", "", "Tân Phong", day));
                Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                    [new BodyItem { SectionOrder = 1, Number = 1, Text = "Một mục." }], []));
                Assert.Null(conclusion.SetRecipients([(null, "Lưu VPHU")]));
                Assert.Null(conclusion.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
                Assert.Null(conclusion.Submit("vanphong", Now));
                Assert.Null(conclusion.Approve("bithu", Now));
                db.Conclusions.Add(conclusion);
                await db.SaveChangesAsync();
                return conclusion.Id;
            });

            await using var scope = app.Scope();
            var issued = await scope.ServiceProvider.GetRequiredService<IssueConclusion>()
                .RunAsync(id, new AccessScope(true, null, null, true, true), "admin");
            Assert.True(issued.Succeeded, string.Join(" ", issued.Errors.Select(e => e.Message)));
            result.Add((issued.Value!.Sequence!.Value, issued.Value.PeriodKey!));
        }

        return result;
    }
}
