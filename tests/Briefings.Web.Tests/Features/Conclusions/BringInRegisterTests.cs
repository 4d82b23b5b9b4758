using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>A district that starts using the system in the middle of a term brings in the documents it already issued
/// on paper; the register must go on after them.</summary>
[Collection(AppCollection.Name)]
public sealed class BringInRegisterTests(AppFactory app)
{
    /// <summary>Found by walk-adopt: a new district brought in this term's "07-KL/..." from its paper register, then
    /// issued its first conclusion in the system — and got "01-KL/...", a number its paper register had already given
    /// (a second 07 after six more). The register of the current period now continues after the highest number
    /// brought in; a lower number brought in later does not lower it.</summary>
    [Fact]
    public async Task BringIn_ThisTermsSeventhConclusion_NextIssuedIsEighthNotFirst_LowerNumberLaterKeepsIt()
    {
        var symbol = "T" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(4).ToArray()).ToUpperInvariant() + "Q";
        var issuer = await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var unit = Unit.Create(Guid.CreateVersion7(), "HU-" + symbol, "Huyện ủy thử " + symbol, "HU " + symbol, UnitKind.PartyCommittee, district);
            unit.DocumentSymbol = symbol;
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit;
        });
        var admin = await app.UserContextAsync("admin");
        var yesterday = app.Services.GetRequiredService<TimeProvider>().Today().AddDays(-1);

        await BringInAsync(issuer.Id, $"07-KL/{symbol}", yesterday, admin);
        var eighth = await IssueAsync(issuer.Id);
        await BringInAsync(issuer.Id, $"03-KL/{symbol}", yesterday, admin);
        var ninth = await IssueAsync(issuer.Id);

        Assert.Equal($"08-KL/{symbol}", eighth);
        Assert.Equal($"09-KL/{symbol}", ninth);
    }

    private async Task BringInAsync(Guid issuerId, string number, DateOnly date, Briefings.Web.Infrastructure.UserContext user)
    {
        var id = await DraftAsync(issuerId, approve: false);
        var version = await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        await using var scope = app.Scope();
        var brought = await scope.ServiceProvider.GetRequiredService<BringInConclusion>()
            .RunAsync(new(id, version, number, date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), "Lê Văn Cũ", null), user);
        Assert.True(brought.Succeeded, string.Join(" ", brought.Errors.Select(e => e.Message)));
    }

    private async Task<string> IssueAsync(Guid issuerId)
    {
        var id = await DraftAsync(issuerId, approve: true);
        await using var scope = app.Scope();
        var issued = await scope.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(id, new AccessScope(true, null, null, true, true), "admin");
        Assert.True(issued.Succeeded, string.Join(" ", issued.Errors.Select(e => e.Message)));
        return issued.Value!.Number!.ToString()!;
    }

    private Task<Guid> DraftAsync(Guid issuerId, bool approve) =>
        app.WithDbAsync(async db =>
        {
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var conclusion = Conclusion.Create(issuerId, "KL", "KẾT LUẬN", $"Giao ban quý {Guid.NewGuid():N}").Value!;
            Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }], []));
            Assert.Null(conclusion.SetRecipients([(null, "Lưu VPHU")]));
            Assert.Null(conclusion.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
            if (approve)
            {
                ReferenceConclusion.Approve(conclusion);
            }

            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion.Id;
        });
}
