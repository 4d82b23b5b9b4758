using Briefings.Core.Common;
using Briefings.Core.OnlineRoom;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
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

    [Fact]
    public async Task LoadAsync_ConsoleOfASmallMeeting_EveryRowAndTheTotalsCountedFromTheMarks()
    {
        var meeting = await app.NewOnlineMeetingAsync($"Giao ban tổng điểm danh nhỏ {Guid.NewGuid():N}", new DateOnly(2030, 6, 6));
        var invitations = await app.WithDbAsync(db => db.Invitations.Where(i => i.MeetingId == meeting.Id).OrderBy(i => i.Id).ToListAsync());
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (invitation, status) in new[] { (invitations[0], AttendanceStatus.InRoom), (invitations[1], AttendanceStatus.Absent), (invitations[2], AttendanceStatus.Substitute) })
            {
                var mark = AttendanceMark.Create(invitation.Id, meeting.Id, invitation.EndpointId, invitation.UnitId);
                Assert.Null(mark.Mark(status, status == AttendanceStatus.Absent ? "Ốm" : null, status == AttendanceStatus.Substitute ? "Lê Văn Thay" : null, "vanphong", now));
                db.AttendanceMarks.Add(mark);
            }

            return await db.SaveChangesAsync();
        });
        await using var scope = app.Scope();

        var state = await scope.ServiceProvider.GetRequiredService<RoomStates>().LoadAsync(meeting.Id, RoomStateKind.Console);

        Assert.True(invitations.Count <= scope.ServiceProvider.GetRequiredService<RoomStates>().WholeRollCallUpTo);
        Assert.Equal(invitations.Count, state!.Attendance!.Count);
        Assert.Equal(new RoomState.RollCallTotals(3, 2, invitations.Count), state.RollCall);
        Assert.Equal((3, 2, invitations.Count), (state.Endpoints.Sum(e => e.Marked), state.Endpoints.Sum(e => e.Present), state.Endpoints.Sum(e => e.Required)));
        var first = state.Endpoints.Single(e => e.Id == invitations[0].EndpointId);
        Assert.Equal(invitations.Count(i => i.EndpointId == first.Id), first.Required);
    }

    [Fact]
    public async Task LoadAsync_ConsoleAboveTheWholeRollCallSize_TotalsWithoutRowsListenersWithoutTotals()
    {
        var meeting = await app.NewOnlineMeetingAsync($"Giao ban lớn không gửi cả danh sách {Guid.NewGuid():N}", new DateOnly(2030, 6, 7));
        await using var scope = app.Scope();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OnlineRoom:WholeRollCallUpTo"] = "10" }).Build();
        var states = ActivatorUtilities.CreateInstance<RoomStates>(scope.ServiceProvider, (IConfiguration)configuration);

        var console = await states.LoadAsync(meeting.Id, RoomStateKind.Console);
        var listener = await states.LoadAsync(meeting.Id, RoomStateKind.Listener);

        Assert.True(console!.RollCall!.Total > 10);
        Assert.Null(console.Attendance);
        Assert.Equal(new RoomState.RollCallTotals(0, 0, console.Endpoints.Sum(e => e.Required)), console.RollCall);
        Assert.Null(listener!.RollCall);
    }
}
