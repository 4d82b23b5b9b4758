using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>Conclusions for the distribution and publishing tests, each issued by a party committee of its
/// own under the demo district (so numbering tests elsewhere keep their registers to themselves), addressed
/// to Đảng ủy xã An Lạc (X-01-DU), Ban Dân vận Huyện ủy and two free lines.</summary>
internal static class PublishingFixture
{
    public const string PrivateText = "Về nhân sự chi hội ấp Phước Lợi (nội bộ, không công bố).";

    public sealed record Created(Guid Id, Guid IssuerId, string Summary);

    /// <summary>A draft, an approved document (<paramref name="approve"/>) or an issued one (<paramref name="issue"/>),
    /// public or not.</summary>
    public static async Task<Created> NewAsync(AppFactory app, bool issue, bool isPublic, string? label = null, bool approve = false, string? firstItemText = null)
    {
        var summary = $"Hội nghị giao ban quý I năm 2026 — {label ?? Guid.NewGuid().ToString("N")[..8]}";
        var created = await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var unitId = Guid.CreateVersion7();
            var issuer = Unit.Create(unitId, $"DU-PUB-{unitId:N}", $"Đảng ủy công bố {unitId:N}", "Đảng ủy thử", UnitKind.PartyCommittee, district);
            issuer.DocumentSymbol = "ĐU";
            issuer.Touch();
            db.Units.Add(issuer);
            var units = await db.Units.AsNoTracking().Where(u => u.Code == Demo.AnLac + "-DU" || u.Code == "HU-TP-BDV").ToDictionaryAsync(u => u.Code, u => u.Id);
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var conclusion = Conclusion.Create(issuer.Id, "KL", "KẾT LUẬN", summary).Value!;
            Assert.Null(conclusion.Describe(summary, "Ngày 10/4/2026, đồng chí Bí thư chủ trì Hội nghị giao ban.", "Tân Phong", new DateOnly(2026, 4, 15)));
            Assert.Null(conclusion.SetBody(
                [
                    new BodySection { Order = 1, Numeral = "I", Title = "Đánh giá việc tổ chức Hội nghị" },
                    new BodySection { Order = 2, Numeral = "II", Title = "Nhân sự" },
                ],
                [
                    new BodyItem { SectionOrder = 1, Number = 1, Text = firstItemText ?? "Hội nghị được chuẩn bị chu đáo; các điểm cầu kết nối ổn định." },
                    new BodyItem { SectionOrder = 1, Number = 2, Text = "Đảng ủy các xã tiếp tục nắm tình hình nhân dân." },
                    new BodyItem { SectionOrder = 2, Number = 1, Text = PrivateText, IsPublic = false },
                ],
                []));
            Assert.Null(conclusion.SetRecipients(
            [
                (units[Demo.AnLac + "-DU"], "Đảng ủy xã An Lạc"),
                (units["HU-TP-BDV"], "Ban Dân vận Huyện ủy"),
                (units[Demo.AnLac + "-DU"], "Đảng ủy xã An Lạc (để thực hiện)"),
                (null, "Đăng Website Huyện ủy"),
                (null, "Lưu VPHU"),
            ]));
            Assert.Null(conclusion.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
            if (issue || approve)
            {
                var now = DateTimeOffset.UtcNow;
                Assert.Null(conclusion.Submit("vanphong", now));
                Assert.Null(conclusion.Approve("bithu", now));
            }

            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return new Created(conclusion.Id, issuer.Id, summary);
        });

        if (issue)
        {
            var scope = await app.WithDbAsync(async db =>
            {
                var office = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictOfficeCode);
                var ancestorIds = office.AncestorIds();
                var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync();
                return AccessScope.For([Roles.Clerk], office, ancestors, false);
            });
            await using var services = app.Scope();
            var result = await services.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(created.Id, scope, "vanphong", isPublic);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        return created;
    }
}
