using System.Security.Cryptography;
using System.Text;
using Briefings.Core.Meetings;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// Which Janus instance each endpoint joins, from configuration only (<c>Media:Janus:N:Role</c> and <c>Units</c>):
/// the host endpoint joins the centre; an endpoint whose area lies under a unit a relay serves joins that relay
/// (the deepest match wins); any other endpoint joins the centre. Without relays, a meeting's single instance.
/// The fallbacks after the home instance are the other relays, then the centre, those that answer first.
/// </summary>
public sealed class MediaTiers(IOptions<MediaOptions> options, MeetingRooms rooms, MediaHealth health)
{
    public JanusInstanceOptions Centre => options.Value.Janus.Single(j => j.Role == JanusRole.Centre);

    public IReadOnlyList<JanusInstanceOptions> Relays => options.Value.Janus.Where(j => j.Role == JanusRole.Relay).ToList();

    /// <summary>The instance an endpoint belongs to.</summary>
    public async Task<JanusInstanceOptions> HomeOfAsync(BriefingsDbContext db, MeetingEndpoint endpoint, CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.IsTiered)
        {
            return rooms.InstanceFor(endpoint.MeetingId);
        }

        if (endpoint.IsHost)
        {
            return Centre;
        }

        var codes = Relays.SelectMany(r => r.Units).Distinct(StringComparer.Ordinal).ToList();
        var served = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).Select(u => new { u.Code, u.Path }).ToListAsync(ct);
        var area = await db.Units.AsNoTracking().Where(u => u.Id == endpoint.AreaUnitId).Select(u => u.Path).FirstOrDefaultAsync(ct) ?? "";
        var best = served.Where(s => area.StartsWith(s.Path, StringComparison.Ordinal)).OrderByDescending(s => s.Path.Length).FirstOrDefault();
        return best is null ? Centre : Relays.First(r => r.Units.Contains(best.Code, StringComparer.Ordinal));
    }

    /// <summary>Home first, then the other relays, then the centre; among the fallbacks, those that answer first.
    /// The other relays come in an order of the endpoint's own (rendezvous hashing on endpoint and instance), so
    /// the endpoints of a relay that dies spread over the others instead of all landing on the same one.</summary>
    public IReadOnlyList<JanusInstanceOptions> CandidatesFor(JanusInstanceOptions home, Guid endpointId)
    {
        if (!options.Value.IsTiered)
        {
            return [home];
        }

        var relays = Relays.Where(r => r.Name != home.Name).OrderByDescending(r => Rank(endpointId, r.Name));
        var others = relays.Append(Centre).Where(j => j.Name != home.Name);
        return [home, .. others.OrderBy(j => health.IsUp(j.Name) ? 0 : 1)];
    }

    private static ulong Rank(Guid endpointId, string instance) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(endpointId.ToString("N") + "/" + instance)), 0);
}
