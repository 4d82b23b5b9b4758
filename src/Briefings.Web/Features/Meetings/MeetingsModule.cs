using Briefings.Web.Documents;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Meetings;

/// <summary>Plan the year, prepare a meeting, invite by composition, collect answers, proposals and
/// speaking registrations, and check every endpoint's readiness.</summary>
public static class MeetingsModule
{
    public static void AddMeetings(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MeetingOptions>().Bind(builder.Configuration.GetSection(MeetingOptions.Section));
        builder.Services.AddScoped<MeetingAccess>();
        builder.Services.AddScoped<FormatPolicyStore>();
        builder.Services.AddScoped<HolidayStore>();
        builder.Services.AddSingleton<HolidayCache>();
        builder.Services.AddScoped<GenerateYearPlan>();
        builder.Services.AddScoped<SaveMeeting>();
        builder.Services.AddScoped<CompositionRules>();
        builder.Services.AddScoped<ApplyComposition>();
        builder.Services.AddScoped<ReadInvitations>();
        builder.Services.AddScoped<InviteOnePerson>();
        builder.Services.AddScoped<RemoveInvitee>();
        builder.Services.AddScoped<AddGuest>();
        builder.Services.AddScoped<RemoveGuest>();
        builder.Services.AddScoped<AnswerForEndpoint>();
        builder.Services.AddScoped<SendInvitations>();
        builder.Services.AddScoped<AnswerInvitation>();
        builder.Services.AddScoped<SubmitProposal>();
        builder.Services.AddScoped<RegisterToSpeak>();
        builder.Services.AddScoped<TickReadiness>();
        builder.Services.AddScoped<ReadReadiness>();
        builder.Services.AddScoped<MeetingRollCall>();
        builder.Services.AddScoped<ReadMeetingRecord>();
        builder.Services.AddScoped<OpenMeeting>();
        builder.Services.AddScoped<CloseMeeting>();
        builder.Services.AddScoped<CancelMeeting>();
        builder.Services.AddScoped<TellInvitedUnits>();
        builder.Services.AddScoped<MeetingCautions>();
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection(MailOptions.Section));
        builder.Services.AddBackgroundJob<MailDelivery>();
        builder.Services.AddSingleton<CalendarFeeds>();
        builder.Services.AddSingleton<MeetingReminders>();
        if (builder.Configuration.GetValue("Meetings:RunReminders", true))
        {
            builder.Services.AddBackgroundJob<MeetingReminders>();
        }
    }

    public static void MapMeetings(this WebApplication app)
    {
        app.MapGet("/meetings/{id:guid}/invitation.docx", DownloadInvitationLetter.HandleAsync).HeavyExport();
        app.MapGet("/meetings/{id:guid}/readiness/state", ReadReadiness.HandleAsync);
        app.MapGet("/meetings/{id:guid}/documents/{documentId:guid}", UploadDocument.DownloadAsync);

        // Calendar apps cannot sign in: these feeds are guarded by a token in the address instead.
        app.MapGet("/calendar/units/{id:guid}.ics", CalendarFeeds.UnitFeedAsync).AllowAnonymous();
        app.MapGet("/calendar/people/{id:guid}.ics", CalendarFeeds.PersonFeedAsync).AllowAnonymous();
        // A feed address with a malformed id is not found (a calendar app cannot follow the sign-in page).
        app.MapMethods("/calendar/{**rest}", ["GET", "HEAD"], () => Results.NotFound()).AllowAnonymous();
    }
}

public sealed class MeetingOptions
{
    public const string Section = "Meetings";

    /// <summary>Default start and end of a planned meeting, Vietnam time.</summary>
    public TimeOnly DefaultStart { get; set; } = new(8, 0);

    public TimeOnly DefaultEnd { get; set; } = new(11, 0);

    /// <summary>Reminders before a meeting, in minutes (default 1 day and 60 minutes).</summary>
    public int[] ReminderMinutes { get; set; } = [1440, 60];

    public long MaxDocumentBytes { get; set; } = 20 * 1024 * 1024;

    public string[] AllowedDocumentExtensions { get; set; } = [".pdf", ".docx", ".doc", ".xlsx", ".pptx", ".jpg", ".png"];

    /// <summary>Base address of the app for links in e-mails and calendars, e.g. https://giaoban.example.vn.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
