using System.Text.Json;
using Briefings.Web.Features.OnlineRoom;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>The changed-part messages of the live room (<see cref="RoomDeltas"/>): what a delta carries, and what a
/// listener holds after applying deltas or after missing one.</summary>
public sealed class RoomDeltasTests
{
    private static readonly JsonSerializerOptions Json = new JsonHubProtocolOptions().PayloadSerializerOptions;

    private static RoomState State(Guid meetingId, DateTimeOffset now, int? currentOrder)
    {
        var state = new RoomState(meetingId, "Giao ban quý", now, currentOrder ?? 0,
            [new RoomState.Item(1, "Thông qua dự thảo", "Ban Dân vận", 30), new RoomState.Item(2, "Ý kiến các đơn vị", null, 60)],
            currentOrder, currentOrder is null ? null : now, false, null, null, [], [],
            [new RoomState.EndpointView(Guid.NewGuid(), "Xã An Lạc", false, true, true, true, false, now, 3, 2, 2)], null, null);
        return state with { Digest = RoomDeltas.DigestOf(state, Json) };
    }

    [Fact]
    public void Next_FirstStateOfMeeting_IsNullSoTheWholeStateIsSent()
    {
        var deltas = new RoomDeltas(Options.Create(new JsonHubProtocolOptions()));

        Assert.Null(deltas.Next(State(Guid.NewGuid(), DateTimeOffset.UtcNow, 1)));
    }

    [Fact]
    public void Next_AgendaItemMoved_CarriesOnlyTheChangedFieldsOntoTheLastDigest()
    {
        var deltas = new RoomDeltas(Options.Create(new JsonHubProtocolOptions()));
        var meetingId = Guid.NewGuid();
        var at = new DateTimeOffset(2030, 4, 1, 1, 0, 0, TimeSpan.Zero);
        var first = State(meetingId, at, 1);
        var second = first with { Now = at.AddSeconds(5), CurrentOrder = 2, CurrentItemSince = at.AddSeconds(5), Version = 2 };
        second = second with { Digest = RoomDeltas.DigestOf(second, Json) };
        deltas.Next(first);

        var delta = deltas.Next(second)!;

        Assert.Equal(first.Digest, delta.From);
        Assert.Equal(second.Digest, delta.Digest);
        Assert.NotEqual(first.Digest, second.Digest);
        Assert.Equal(at.AddSeconds(5), delta.Now);
        Assert.Equal(["currentItemSince", "currentOrder", "version"], delta.Changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, delta.Changes["currentOrder"].GetInt32());
    }

    [Fact]
    public void Next_LoadOlderThanTheLastSent_IsNullSoTheWholeStateIsSent()
    {
        var deltas = new RoomDeltas(Options.Create(new JsonHubProtocolOptions()));
        var meetingId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        deltas.Next(State(meetingId, at, 2));

        Assert.Null(deltas.Next(State(meetingId, at.AddSeconds(-1), 1)));
    }

    [Fact]
    public void DigestOf_SameContentAtAnotherTime_IsEqualAndAnotherContentDiffers()
    {
        var state = State(Guid.NewGuid(), DateTimeOffset.UtcNow, 1);

        Assert.Equal(state.Digest, RoomDeltas.DigestOf(state with { Now = state.Now.AddMinutes(1) }, Json));
        Assert.NotEqual(state.Digest, RoomDeltas.DigestOf(state with { Title = "Giao ban tháng" }, Json));
    }
}

/// <summary>Deltas through the real hub (Kestrel, WebSockets): a listener that holds the last state applies the
/// changed parts; one that missed a change asks for the whole state and ends with the current one.</summary>
[Collection(LiveRoomCollection.Name)]
public sealed class RoomDeltasHubTests(LiveRoomFixture fixture)
{
    private LiveRoomApp App => fixture.App;

    private static async Task<RoomState> JoinAsync(HubConnection connection, Guid meetingId, bool console = false)
    {
        var reply = await connection.InvokeAsync<RoomReply>("Join", meetingId, null, console);
        Assert.True(reply.Ok, reply.Error);
        return reply.State!;
    }

    private static async Task MoveToAsync(HubConnection chair, Guid meetingId, int order) =>
        Assert.True((await chair.InvokeAsync<RoomReply>("SetCurrentItem", meetingId, order)).Ok);

    private static async Task<RoomState> CurrentAsync(HubConnection connection, Guid meetingId)
    {
        var reply = await connection.InvokeAsync<RoomReply>("CurrentState", meetingId);
        Assert.True(reply.Ok, reply.Error);
        return reply.State!;
    }

    private static string Content(RoomState state) => JsonSerializer.Serialize(state with { Now = default }, JsonSerializerOptions.Web);

    [Fact]
    public async Task Delta_ListenerHoldingTheLastState_AppliesOnlyTheChangedPartsAndHoldsTheCurrentState()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến delta 1", new DateOnly(2030, 5, 4));
        await using var clerk = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        var chair = await clerk.ConnectAsync();
        await JoinAsync(chair, meeting.Id, console: true);
        await MoveToAsync(chair, meeting.Id, 1);
        var listener = await anLac.ConnectAsync();
        var sent = new List<RoomDelta>();
        listener.On<RoomDelta>(RoomDeltas.Method, d =>
        {
            lock (sent)
            {
                sent.Add(d);
            }
        });
        var inbox = new StateInbox(listener, await JoinAsync(listener, meeting.Id));

        await MoveToAsync(chair, meeting.Id, 2);
        var held = await inbox.WaitForAsync(s => s.CurrentOrder == 2);

        var current = await CurrentAsync(listener, meeting.Id);
        Assert.Equal(current.Digest, held.Digest);
        Assert.Equal(Content(current), Content(held));
        Assert.Equal(1, inbox.Applied);
        Assert.Equal(0, inbox.Refetched);
        RoomDelta delta;
        lock (sent)
        {
            delta = Assert.Single(sent);
        }

        Assert.Contains("currentOrder", delta.Changes.Keys);
        Assert.DoesNotContain("agenda", delta.Changes.Keys);
        Assert.DoesNotContain("endpoints", delta.Changes.Keys);
    }

    [Fact]
    public async Task Delta_ListenerThatMissedAChange_GetsTheWholeCurrentState()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến delta 2", new DateOnly(2030, 5, 5));
        await using var clerk = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        var chair = await clerk.ConnectAsync();
        await JoinAsync(chair, meeting.Id, console: true);
        await MoveToAsync(chair, meeting.Id, 1);
        var listener = await anLac.ConnectAsync();
        var joined = await JoinAsync(listener, meeting.Id);
        var inbox = new StateInbox(listener, joined);
        await MoveToAsync(chair, meeting.Id, 2);
        await inbox.WaitForAsync(s => s.CurrentOrder == 2);
        // The change to item 2 is lost: the listener still holds the state it joined with.
        inbox.Hold(joined);

        await MoveToAsync(chair, meeting.Id, 3);
        var held = await inbox.WaitForAsync(s => s.CurrentOrder == 3);

        Assert.Equal(1, inbox.Refetched);
        var current = await CurrentAsync(listener, meeting.Id);
        Assert.Equal(current.Digest, held.Digest);
        Assert.Equal(Content(current), Content(held));
    }
}
