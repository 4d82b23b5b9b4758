using Briefings.Web.Documents;
using Briefings.Core.Organizations;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Conclusions as structured records, numbered in the document register when issued, distributed
/// to the recipient units' inboxes and, when marked public, published without login.</summary>
public static class ConclusionsModule
{
    public static void AddConclusions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConclusionOptions>().Bind(builder.Configuration.GetSection(ConclusionOptions.Section));
        builder.Services.AddScoped<SubmitConclusion>();
        builder.Services.AddScoped<ApproveConclusion>();
        builder.Services.AddScoped<IssueConclusion>();
        builder.Services.AddScoped<BrowseRegister>();
        builder.Services.AddScoped<ConclusionAccess>();
        builder.Services.AddScoped<ReadConclusion>();
        builder.Services.AddScoped<SetConclusionPublic>();
        builder.Services.AddScoped<BrowseInbox>();
        builder.Services.AddScoped<ConclusionEditor>();
        builder.Services.AddScoped<PrepareConclusionForm>();
        builder.Services.AddScoped<SaveConclusionDraft>();
        builder.Services.AddScoped<CorrectConclusion>();
        builder.Services.AddScoped<ConclusionVersions>();
        builder.Services.AddScoped<UnitGroupLookup>();
        builder.Services.AddScoped<ConclusionDistribution>();
        builder.Services.AddScoped<BringInConclusion>();
        builder.Services.AddScoped<RegisterSettings>();
        builder.Services.AddScoped<Documents.INumberingRules, RegisterNumberingRules>();
        builder.Services.AddScoped<ParseConclusionText>();
        builder.Services.AddScoped<ReturnConclusion>();
        builder.Services.AddScoped<IConclusionIssuedHandler, MarkMeetingConcluded>();
        builder.Services.AddScoped<Meetings.IMeetingConclusions, ConclusionsOfMeeting>();
    }

    public static void MapConclusions(this WebApplication app)
    {
        // The committee's website reads these without an account; only issued documents marked public appear.
        app.MapGet("/public/conclusions.atom", PublicConclusions.AtomAsync).AllowAnonymous();
        app.MapGet("/public/conclusions/{id:guid}/document.pdf", PublicConclusions.PdfAsync).AllowAnonymous().HeavyExport();
        app.MapGet("/api/public/conclusions", PublicConclusions.ListJsonAsync).AllowAnonymous();
        app.MapGet("/api/public/conclusions/{id}", PublicConclusions.DocumentJsonAsync).AllowAnonymous();
        app.MapMethods("/api/public/{**rest}", ["GET", "HEAD"], PublicConclusions.UnknownApiAddress).AllowAnonymous();
        // Any other public address (a PDF link with a malformed id, a mistyped path) is not found, in Vietnamese (the
        // status-code page), for a visitor without an account too: unmatched, it would get the sign-in page.
        app.MapMethods("/public/{**rest}", ["GET", "HEAD"], () => Results.NotFound()).AllowAnonymous();
        // The reader for office staff (issue 12): the same JSON as `conclusions parse` on the command line.
        app.MapPost("/api/conclusions/parse", ParseConclusionText.HandleAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Clerk));
    }
}
