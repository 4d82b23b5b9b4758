using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>Issued conclusions whose directives become tasks, each by a party committee of its own under the demo
/// district (the district office reviews them): one item per directive, led by the unit code given.</summary>
public static class FollowUpFixture
{
    public sealed record Spec(string LeadCode, Deadline? Deadline, string[]? Coordinators = null, ExpectedOutput Output = ExpectedOutput.ReportBack, Guid? AnswersProposal = null);

    public sealed record Issued(Guid ConclusionId, IReadOnlyList<FollowUpTask> Tasks)
    {
        public FollowUpTask Task(int itemNumber) => Tasks.First(t => t.ItemNumber == itemNumber);
    }

    public static DateOnly Today => FollowUpStatuses.LocalDate(DateTimeOffset.UtcNow);

    /// <summary>Issues a conclusion dated 30 days ago with one item per spec.</summary>
    public static async Task<Issued> IssueAsync(AppFactory app, params Spec[] specs) => await IssueOnAsync(app, Today.AddDays(-30), specs);

    public static async Task<Issued> IssueOnAsync(AppFactory app, DateOnly issuedOn, params Spec[] specs)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var id = await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var unitId = Guid.CreateVersion7();
            var issuer = Unit.Create(unitId, $"DU-FU-{unitId:N}", $"Đảng ủy theo dõi {tag}", "Đảng ủy thử", UnitKind.PartyCommittee, district);
            issuer.DocumentSymbol = "ĐU";
            issuer.Touch();
            db.Units.Add(issuer);
            var codes = specs.SelectMany(s => (s.Coordinators ?? []).Append(s.LeadCode)).Distinct().ToList();
            var units = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id);
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var summary = $"Giao ban theo dõi thực hiện {tag}";
            var conclusion = Conclusion.Create(issuer.Id, "KL", "KẾT LUẬN", summary).Value!;
            Assert.Null(conclusion.Describe(summary, "Ngày 10/4/2026, đồng chí Bí thư chủ trì Hội nghị giao ban.", "Tân Phong", issuedOn));
            Assert.Null(conclusion.SetBody(
                [new BodySection { Order = 1, Numeral = "I", Title = "Nhiệm vụ" }],
                specs.Select((s, i) => new BodyItem { SectionOrder = 1, Number = i + 1, Text = ItemText(tag, i + 1) }),
                specs.Select((s, i) => new Directive
                {
                    SectionOrder = 1, ItemNumber = i + 1, LeadUnitId = units[s.LeadCode],
                    CoordinatingUnitIds = [.. (s.Coordinators ?? []).Select(c => units[c])],
                    Deadline = s.Deadline, ExpectedOutput = s.Output, AnswersProposalId = s.AnswersProposal,
                })));
            Assert.Null(conclusion.SetRecipients([(units[specs[0].LeadCode], "Đơn vị chủ trì"), (null, "Lưu VPHU")]));
            Assert.Null(conclusion.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
            Assert.Null(conclusion.Submit("vanphong", DateTimeOffset.UtcNow));
            Assert.Null(conclusion.Approve("bithu", DateTimeOffset.UtcNow));
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion.Id;
        });

        var scope = await ClerkScopeAsync(app);
        await using (var services = app.Scope())
        {
            var result = await services.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(id, scope, "vanphong");
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        var tasks = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == id).OrderBy(t => t.ItemNumber).ThenBy(t => t.PeriodKey).ToListAsync());
        return new Issued(id, tasks);
    }

    public static string ItemText(string tag, int number) => $"Nhiệm vụ thử {tag} số {number}: rà soát hộ nghèo và báo cáo kết quả.";

    public static async Task<AccessScope> ClerkScopeAsync(AppFactory app) => await app.WithDbAsync(async db =>
    {
        var office = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictOfficeCode);
        var ancestorIds = office.AncestorIds();
        var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync();
        return AccessScope.For([Roles.Clerk], office, ancestors, false);
    });

    /// <summary>The context of a demo account, as the app builds it for a request.</summary>
    public static async Task<UserContext> UserAsync(this AppFactory app, string userName) => await app.WithDbAsync(async db =>
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == user.UnitId);
        var ancestorIds = unit.AncestorIds();
        var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync();
        return new UserContext(user, roles, unit, AccessScope.For(roles, unit, ancestors, user.IncludeSubunits));
    });

    /// <summary>Posts the form <paramref name="formName"/> of <paramref name="url"/> as multipart, with files.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this AppClient client, string url, string formName, Dictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        var (_, document) = await client.GetPageAsync(url);
        var form = document.Forms.FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
                   ?? throw new InvalidOperationException($"No form {formName} on {url}");
        using var content = new MultipartFormDataContent();
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input"))
        {
            if (input.Name is { Length: > 0 } name && input.Type is "hidden")
            {
                values[name] = input.Value;
            }
        }

        foreach (var (k, v) in fields)
        {
            values[k] = v;
        }

        foreach (var (k, v) in values)
        {
            content.Add(new StringContent(v), k);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Files", name);
        }

        return await client.Http.PostAsync(url, content);
    }
}
