using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>A body's own conclusion written straight into the database and taken through its use cases, shared by the
/// Front's and the organizations' tests (<see cref="FrontOfficeTests"/>, <see cref="OrganizationPapersTests"/>).</summary>
internal static class BodyDrafts
{
    /// <summary>Runs one use case of the conclusion in a scope of its own.</summary>
    public static async Task<Result<Conclusion>> StepAsync<T>(AppFactory app, Func<T, Task<Result<Conclusion>>> run)
        where T : notnull
    {
        await using var scope = app.Scope();
        return await run(scope.ServiceProvider.GetRequiredService<T>());
    }

    /// <summary>A draft of <paramref name="issuerCode"/> about <paramref name="subject"/> with one item
    /// (<paramref name="itemText"/>) directed to <paramref name="leadCode"/>, sent to it (under
    /// <paramref name="leadRecipientName"/>, or its directory name) and filed, signed by <paramref name="signer"/>.</summary>
    public static Task<Conclusion> DraftAsync(AppFactory app, string issuerCode, string leadCode, string signingForm, string title, string signer,
        string subject, string itemText, string? leadRecipientName = null) =>
        app.WithDbAsync(async db =>
        {
            var issuer = await db.Units.SingleAsync(u => u.Code == issuerCode);
            var lead = await db.Units.SingleAsync(u => u.Code == leadCode);
            var signerId = await db.People.Where(p => p.FullName == signer).Select(p => p.Id).SingleAsync();
            var conclusion = Conclusion.Create(issuer.Id, "KL", "KẾT LUẬN", subject).Value!;
            Assert.Null(conclusion.Describe(subject, "Ngày 10/4/2026, đồng chí Chủ tịch chủ trì giao ban.", "Tân Phong", DateOnly.FromDateTime(DateTime.UtcNow)));
            Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nhiệm vụ" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = itemText }],
                [new Directive { SectionOrder = 1, ItemNumber = 1, LeadUnitId = lead.Id, Deadline = null, ExpectedOutput = ExpectedOutput.ReportBack }]));
            Assert.Null(conclusion.SetRecipients([(lead.Id, leadRecipientName ?? lead.Name), (null, "Lưu VT")]));
            Assert.Null(conclusion.SetSigner(signerId, signer, signingForm, title));
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion;
        });
}
