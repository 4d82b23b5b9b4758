using Briefings.Core.Common;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>The states a chair action loads (issue 14.4, the fan-out): the console's roll call in Vietnamese order of
/// names within each rule, the public state with the digest listeners' deltas apply onto.</summary>
[Collection(AppCollection.Name)]
public sealed class RoomStatesTests(AppFactory app)
{
    [Fact]
    public async Task LoadAsync_Console_RollCallInVietnameseOrderOfNamesWithinEachRule()
    {
        var meeting = await app.NewOnlineMeetingAsync($"Giao ban thứ tự điểm danh {Guid.NewGuid():N}", new DateOnly(2030, 6, 4));
        await using var scope = app.Scope();

        var state = await scope.ServiceProvider.GetRequiredService<RoomStates>().LoadAsync(meeting.Id, RoomStateKind.Console);

        var attendance = state!.Attendance!;
        Assert.True(attendance.Count > 10, $"only {attendance.Count} invitations");
        var expected = attendance.OrderBy(a => a.RuleLabel, StringComparer.Ordinal).ThenBy(a => a.PersonName, VietnameseText.Order).ToList();
        Assert.Equal(expected.Select(a => a.InvitationId), attendance.Select(a => a.InvitationId));
        Assert.Contains(attendance, a => a.PersonName.Length > 0);
    }

    [Fact]
    public async Task LoadAsync_PublicAndConsole_DigestOnlyOnThePublicState()
    {
        var meeting = await app.NewOnlineMeetingAsync($"Giao ban dấu vân tay {Guid.NewGuid():N}", new DateOnly(2030, 6, 5));
        await using var scope = app.Scope();
        var states = scope.ServiceProvider.GetRequiredService<RoomStates>();

        var listeners = await states.LoadAsync(meeting.Id, RoomStateKind.Listener);
        var console = await states.LoadAsync(meeting.Id, RoomStateKind.Console);

        Assert.Matches("^[0-9a-f]{24}$", listeners!.Digest);
        Assert.Equal("", console!.Digest);
        Assert.NotNull(console.Attendance);
    }
}
