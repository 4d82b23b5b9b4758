using System.Buffers;
using System.Text;
using System.Text.Json;
using Briefings.Web.Features.OnlineRoom;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>A state shared by many joins is serialized once (<see cref="SharedStateJson"/>); what the hub's JSON
/// protocol writes must stay byte for byte what it wrote before (live-room.js reads it).</summary>
public sealed class SharedStateJsonTests
{
    private static RoomState State()
    {
        var now = new DateTimeOffset(2030, 4, 1, 1, 0, 0, TimeSpan.FromHours(7));
        var endpoint = Guid.NewGuid();
        return new RoomState(Guid.NewGuid(), "Giao ban \"quý\" <I>", now, 3,
            [new RoomState.Item(1, "Thông qua dự thảo", "Ban Dân vận", 30), new RoomState.Item(2, "Ý kiến các đơn vị", null, 60)],
            2, now, true, "Mất kết nối & chờ", new RoomState.SpeechView(Guid.NewGuid(), endpoint, "Xã An Lạc", "Đất đai", "Queue", 5, now, null),
            [], [new RoomState.SpeechView(Guid.NewGuid(), null, "Huyện", "Mở đầu", "Chair", 3, now.AddMinutes(-9), now.AddMinutes(-6))],
            [new RoomState.EndpointView(endpoint, "Xã An Lạc", false, true, true, false, true, now, 3, 2, 2)], null, null)
        { SingleInstance = true, Digest = "0123abcd" };
    }

    private static string Completion(JsonHubProtocolOptions options, RoomState state)
    {
        var protocol = new JsonHubProtocol(Options.Create(options));
        var buffer = new ArrayBufferWriter<byte>();
        protocol.WriteMessage(CompletionMessage.WithResult("7", new RoomReply(true, State: state)), buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonHubProtocolOptions WithConverter()
    {
        var options = new JsonHubProtocolOptions();
        options.PayloadSerializerOptions.Converters.Add(new SharedStateJson());
        return options;
    }

    [Fact]
    public void Write_SharedState_SameBytesAsTheHubWroteWithoutTheConverter()
    {
        var options = WithConverter();
        var state = State();
        var before = Completion(new JsonHubProtocolOptions(), state with { });

        SharedStateJson.Share(state, options.PayloadSerializerOptions);

        Assert.True(SharedStateJson.IsShared(state));
        Assert.Equal(before, Completion(options, state));
        Assert.Equal(before, Completion(options, state));
        Assert.Contains("\"endpoints\":[{", before, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StateNotShared_SerializedAsBefore()
    {
        var state = State();

        Assert.False(SharedStateJson.IsShared(state));
        Assert.Equal(Completion(new JsonHubProtocolOptions(), state), Completion(WithConverter(), state));
    }

    [Fact]
    public void Write_CopyOfASharedState_SerializesItsOwnContent()
    {
        var options = WithConverter();
        var state = State();
        SharedStateJson.Share(state, options.PayloadSerializerOptions);

        var moved = state with { CurrentOrder = 1 };

        Assert.False(SharedStateJson.IsShared(moved));
        Assert.Equal(Completion(new JsonHubProtocolOptions(), moved), Completion(options, moved));
        Assert.Equal(1, JsonDocument.Parse(Completion(options, moved).TrimEnd('\u001e')).RootElement.GetProperty("result").GetProperty("state").GetProperty("currentOrder").GetInt32());
    }
}
