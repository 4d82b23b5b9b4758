using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>The live room's server settings (issue 14.4): <c>Server:InlineScheduling</c> is honoured by Kestrel's
/// socket transport, and the room works over it.</summary>
public sealed class OnlineRoomModuleTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void InlineSchedulingSetting_Given_SocketTransportFollowsIt(string setting, bool expected)
    {
        using var app = new LiveRoomApp(new Dictionary<string, string?> { ["Server:InlineScheduling"] = setting });

        var options = app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        Assert.Equal(expected, options.UnsafePreferInlineScheduling);
        Assert.Equal(4096, options.Backlog);
    }

    [Fact]
    public async Task InlineSchedulingOn_ChairMovesToNextItem_ListenerReceivesIt()
    {
        using var app = new LiveRoomApp(new Dictionary<string, string?> { ["Server:InlineScheduling"] = "true" }).Start();
        Assert.True(app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
        var meeting = await app.NewOnlineMeetingAsync("Giao ban lịch trình nội tuyến", new DateOnly(2030, 6, 3));
        var anLacEndpoint = await app.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var clerk = await app.SignInAsync("vanphong");
        await using var anLac = await app.SignInAsync("xa.anlac");
        var chair = await clerk.ConnectAsync();
        var endpoint = await anLac.ConnectAsync();
        var inbox = new StateInbox(endpoint);
        Assert.True((await chair.InvokeAsync<RoomReply>("Join", meeting.Id, null, true)).Ok);
        Assert.True((await endpoint.InvokeAsync<RoomReply>("Join", meeting.Id, anLacEndpoint, false)).Ok);

        Assert.True((await chair.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, 2)).Ok);
        Assert.True((await chair.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, 3)).Ok);

        var state = await inbox.WaitForAsync(s => s.CurrentOrder == 3);
        Assert.Equal(meeting.Id, state.MeetingId);
    }
}
