using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// The readiness board of a meeting: the endpoints an account may see (managers every endpoint, a commune its own
/// rooms) with their checks. The page renders it; <c>GET /meetings/{id}/readiness/state</c> returns it as JSON for the
/// page's small polling script (js/readiness-live.js), so the board updates without reloading — same access rule.
/// </summary>
public sealed class ReadReadiness(BriefingsDbContext db, MeetingAccess access)
{
    public sealed record Board(Meeting Meeting, MeetingAccess.Grant Grant, IReadOnlyList<MeetingEndpoint> Endpoints);

    public sealed record ItemState(string Item, bool? Passed, string? Note);

    public sealed record EndpointState(Guid Id, bool Ready, IReadOnlyList<ItemState> Items);

    public sealed record State(int Ready, int Total, IReadOnlyList<EndpointState> Endpoints);

    public async Task<Result<Board>> RunAsync(Guid meetingId, UserContext? user, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound;
        }

        var grant = await access.ForAsync(meeting, user, ct);
        if (!grant.CanView)
        {
            return Error.Forbidden;
        }

        var all = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId).ToListAsync(ct);
        var endpoints = all.Where(e => grant.CanManage || grant.TickableEndpointIds.Contains(e.Id))
            .OrderBy(e => !e.IsHost).ThenBy(e => e.Name, VietnameseText.Order).ToList();
        return Result<Board>.Ok(new Board(meeting, grant, endpoints));
    }

    /// <summary>The tick's note as the page shows it: who, when, and any details.</summary>
    public static string? Note(ReadinessTick? tick) =>
        tick is null ? null : $"{tick.By}, {VietnameseText.DateTime(tick.At)}{(tick.Details is null ? "" : $" — {tick.Details}")}";

    public static State ToState(Board board) => new(
        board.Endpoints.Count(e => e.IsReady), board.Endpoints.Count,
        board.Endpoints.Select(e => new EndpointState(e.Id, e.IsReady,
            MeetingEndpoint.Checklist.Select(i => new ItemState(i.ToString(), e.Tick(i)?.Passed, Note(e.Tick(i)))).ToList())).ToList());

    public static async Task<IResult> HandleAsync(Guid id, CurrentUser current, ReadReadiness read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, await current.GetAsync(ct), ct);
        if (result.Errors.Contains(Error.NotFound))
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded ? TypedResults.Ok(ToState(result.Value!)) : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }
}
