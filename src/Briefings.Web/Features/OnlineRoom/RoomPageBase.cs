using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Components.Shared;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>The three live pages (console, endpoint view, big screen) are server-rendered shells: the server
/// checks access and names the meeting; the state itself arrives over SignalR (wwwroot/js/live-room.js).</summary>
public abstract class RoomPageBase : AppPage
{
    [Inject]
    protected CurrentUser Current { get; set; } = null!;

    [Inject]
    protected RoomAccess Access { get; set; } = null!;

    [Inject]
    protected BriefingsDbContext Db { get; set; } = null!;

    [Inject]
    protected IWebHostEnvironment Environment { get; set; } = null!;

    [Inject]
    protected Microsoft.Extensions.Options.IOptions<Media.MediaOptions> MediaSettings { get; set; } = null!;

    [Parameter]
    public Guid Id { get; set; }

    protected bool Loaded { get; private set; }
    protected Meeting? Meeting { get; private set; }
    protected RoomAccess.Grant? Grant { get; private set; }
    protected string? EndpointName { get; private set; }
    protected bool EndpointIsHost { get; private set; }

    /// <summary>The media part's browser module, included only once it exists and a media server is configured:
    /// without one the page says so once instead of asking the credential endpoint again every few seconds.</summary>
    protected bool HasMediaModule => MediaConfigured && Environment.WebRootFileProvider.GetFileInfo("js/media-room.js").Exists;

    protected bool MediaConfigured => MediaSettings.Value.IsConfigured;

    protected abstract bool Allowed(RoomAccess.Grant grant);

    protected override async Task OnInitializedAsync()
    {
        var result = await Access.ForAsync(Id, await Current.GetAsync());
        if (result.Errors.Contains(Error.NotFound))
        {
            SetStatus(StatusCodes.Status404NotFound);
        }
        else if (!result.Succeeded || !Allowed(result.Value!))
        {
            SetStatus(StatusCodes.Status403Forbidden);
            Meeting = await Db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == Id);
        }
        else
        {
            Grant = result.Value;
            Meeting = await Db.Meetings.AsNoTracking().FirstAsync(m => m.Id == Id);
            if (Grant!.OwnEndpointIds.Count > 0)
            {
                var endpointId = Grant.OwnEndpointIds[0];
                var endpoint = await Db.MeetingEndpoints.AsNoTracking().FirstAsync(e => e.Id == endpointId);
                EndpointName = endpoint.Name;
                EndpointIsHost = endpoint.IsHost;
            }
        }

        Loaded = true;
    }
}
