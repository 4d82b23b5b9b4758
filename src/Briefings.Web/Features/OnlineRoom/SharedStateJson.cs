using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// Writes a <see cref="RoomState"/> that many replies share (<see cref="JoinStates"/>) from its JSON made once. After
/// an instance dies, thousands of joins get the same state object; serialized anew for each reply it cost one
/// serialization of the whole state (every endpoint of the meeting, ~38 KB at 200 communes) per join (issue 14.4).
/// <see cref="Share"/> serializes the state once with the hub's options; this converter, registered in the hub's JSON
/// protocol options, writes those bytes for every reply of that object. Any other state (the consoles', broadcasts,
/// digests) is serialized as before, with the same options minus this converter, so the wire format is identical.
/// </summary>
public sealed class SharedStateJson : JsonConverter<RoomState>
{
    private static readonly ConditionalWeakTable<RoomState, byte[]> Shared = [];

    private (JsonSerializerOptions Outer, JsonSerializerOptions Plain)? plain;

    /// <summary>Serializes <paramref name="state"/> once for every reply that will carry this same object.</summary>
    public static void Share(RoomState state, JsonSerializerOptions options) =>
        Shared.AddOrUpdate(state, JsonSerializer.SerializeToUtf8Bytes(state, options));

    /// <summary>Whether <paramref name="state"/> is written from its shared JSON.</summary>
    public static bool IsShared(RoomState state) => Shared.TryGetValue(state, out _);

    public override RoomState? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<RoomState>(ref reader, Plain(options));

    public override void Write(Utf8JsonWriter writer, RoomState value, JsonSerializerOptions options)
    {
        if (Shared.TryGetValue(value, out var json))
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }
        else
        {
            JsonSerializer.Serialize(writer, value, Plain(options));
        }
    }

    /// <summary>The same options without this converter (made once per options object).</summary>
    private JsonSerializerOptions Plain(JsonSerializerOptions options)
    {
        if (plain is { } p && ReferenceEquals(p.Outer, options))
        {
            return p.Plain;
        }

        var copy = new JsonSerializerOptions(options);
        for (var i = copy.Converters.Count - 1; i >= 0; i--)
        {
            if (copy.Converters[i] is SharedStateJson)
            {
                copy.Converters.RemoveAt(i);
            }
        }

        copy.MakeReadOnly(populateMissingResolver: true);
        plain = (options, copy);
        return copy;
    }
}
