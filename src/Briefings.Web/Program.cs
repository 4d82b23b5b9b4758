using Briefings.Web.Components;
using Briefings.Web.Documents;
using Briefings.Web.Features.Accounts;
using Briefings.Web.Features.Audit;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Features.Directory;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Features.OnlineRoom.Media;
using Briefings.Web.Infrastructure;

// `conclusions parse FILE…`: the conclusion reader on the command line, with no database and no web host.
if (ConclusionsCommand.Handles(args))
{
    Console.OutputEncoding = System.Text.Encoding.UTF8;
    return await ConclusionsCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.EnsureWebRoot();

builder.AddStructuredLogging();
builder.AddDatabase();
builder.AddKeyRing();
builder.AddAccounts();
builder.AddWebUi();
builder.AddHealth();
builder.AddDirectory();
builder.AddAudit();
builder.AddAccountAdministration();
builder.AddDocuments();
builder.AddMeetings();
builder.AddOnlineRoomMedia();
builder.AddConclusions();
builder.AddConclusionDocuments();
builder.AddOnlineRoom();
builder.AddFollowUp();
builder.AddFollowUpReports();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseWebUi();
app.UseInputRefusals();
app.MapHealth();
app.MapAccounts();
app.MapDirectory();
app.MapAudit();
app.MapMeetings();
app.MapOnlineRoomMedia();
app.MapConclusionDocuments();
app.MapConclusions();
app.MapOnlineRoom();
app.MapFollowUp();
app.MapFollowUpReports();
app.MapRazorComponents<App>();

await app.RunAsync();
return 0;

/// <summary>Entry point; public for WebApplicationFactory in the test suites.</summary>
public partial class Program;
