using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// Changed-part messages for the listeners of a meeting (issue 14.4). At thousands of listeners the whole public state
/// (agenda, queue, every endpoint of the meeting) per chair action is most of the bytes sent and parsed; a change
/// such as "move to agenda item k" touches two of its fields. So a broadcast to the room group carries only the
/// top-level fields that changed since the state this app instance last broadcast for the meeting, with the
/// <see cref="RoomState.Digest"/> it applies to (<see cref="RoomDelta.From"/>) and the digest of the result.
/// A client applies a delta only onto a state with that digest; otherwise (it missed a change, joined between two
/// broadcasts, or another instance broadcast in between) it asks for the whole state again (<see cref="RoomHub.CurrentState"/>).
/// The consoles keep getting whole states (their own group, roll call and minutes, few connections).
/// </summary>
public sealed class RoomDeltas(IOptions<JsonHubProtocolOptions> json)
{
    public const string Method = "delta";

    /// <summary>Meetings remembered at most (one entry per live meeting of this instance; a forgotten one gets a whole state).</summary>
    private const int MaxMeetings = 2000;

    private sealed record Sent(string Digest, DateTimeOffset Now, Dictionary<string, string> Parts);

    private readonly Dictionary<Guid, Sent> last = [];

    private JsonSerializerOptions Options => json.Value.PayloadSerializerOptions;

    /// <summary>The delta from the state last broadcast for this meeting to <paramref name="state"/>, or null when the
    /// whole state must be sent (the first broadcast of this instance, or a load older than the last one sent).</summary>
    public RoomDelta? Next(RoomState state)
    {
        var element = JsonSerializer.SerializeToElement(state, Options);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            parts[p.Name] = p.Value.GetRawText();
            values[p.Name] = p.Value;
        }

        Sent? previous;
        lock (last)
        {
            previous = last.GetValueOrDefault(state.MeetingId);
            if (previous is not null && state.Now < previous.Now)
            {
                return null; // overtaken by a newer load: sent whole, clients drop it by its time
            }

            if (last.Count >= MaxMeetings && previous is null)
            {
                last.Clear();
            }

            last[state.MeetingId] = new Sent(state.Digest, state.Now, parts);
        }

        if (previous is null)
        {
            return null;
        }

        var changes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, raw) in parts)
        {
            if (name is "now" or "digest")
            {
                continue;
            }

            if (!previous.Parts.TryGetValue(name, out var before) || before != raw)
            {
                changes[name] = values[name];
            }
        }

        return new RoomDelta(state.MeetingId, previous.Digest, state.Digest, state.Now, changes);
    }

    /// <summary>A short fingerprint of a state's content (not its time): equal states give equal digests on every instance.</summary>
    public static string DigestOf(RoomState state, JsonSerializerOptions options)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state with { Now = default, Digest = "" }, options);
        return Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12));
    }
}

/// <summary>The changed top-level fields of a meeting's public state (camel-case names, as in the "state" message).</summary>
public sealed record RoomDelta(Guid MeetingId, string From, string Digest, DateTimeOffset Now, IReadOnlyDictionary<string, JsonElement> Changes);
