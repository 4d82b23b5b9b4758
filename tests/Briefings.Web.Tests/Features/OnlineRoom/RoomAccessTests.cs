using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>The room's grant reads only what a join needs (issue 14.4) and must still say exactly what the meetings'
/// one gate says: who drives the room and which endpoints are the caller's.</summary>
[Collection(AppCollection.Name)]
public sealed class RoomAccessTests(AppFactory app)
{
    public static TheoryData<string, string?, string?> Accounts => new()
    {
        { "admin", null, null },
        { "vanphong", null, null },
        { "bithu", null, null },
        { "bandanvan", null, null },
        { "xa.anlac", null, null },
        { "xa.binhdong", null, null },
        { "kythuat.anlac", null, null },
        // A clerk of another district's office and a commune's unit staff placed by code: no room, no console.
        { "xa.anlac", Roles.UnitStaff, Briefings.Web.Infrastructure.Demo.DemoDistrict.DistrictOfficeCode },
        { "vanphong", Roles.Clerk, Demo.AnLac },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task ForAsync_EveryDemoAccount_SameDriveAndEndpointsAsMeetingAccess(string userName, string? role, string? unitCode)
    {
        var meeting = await app.NewOnlineMeetingAsync($"Giao ban quyền phòng {Guid.NewGuid():N}", new DateOnly(2030, 5, 4));
        // Both ways the caller's areas are known: read by the gate (a context built elsewhere) and loaded with the
        // account's context (CurrentUser, as the hub and the pages get it).
        var built = await app.UserContextAsync(userName, role, unitCode);
        var loaded = role is null && unitCode is null
            ? await app.WithDbAsync(db => CurrentUser.LoadAsync(db, built.User.Id))
            : built with { AreasOnChain = null };
        Assert.NotNull(loaded);
        await using var scope = app.Scope();
        var rooms = scope.ServiceProvider.GetRequiredService<RoomAccess>();
        var meetings = scope.ServiceProvider.GetRequiredService<MeetingAccess>();
        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        var expected = await meetings.ForAsync(stored, built);

        foreach (var user in new[] { built, loaded! })
        {
            var grant = await rooms.ForAsync(meeting.Id, user);

            var mayJoin = expected.CanManage || expected.OwnEndpointIds.Count > 0 || (user.IsInRole(Roles.Leader) && expected.CanView);
            Assert.Equal(mayJoin, grant.Succeeded);
            if (grant.Succeeded)
            {
                Assert.Equal(expected.CanManage, grant.Value!.CanDrive);
                Assert.Equal(expected.OwnEndpointIds.Order(), grant.Value.OwnEndpointIds.Order());
            }
        }
    }

    [Fact]
    public async Task ForAsync_CommuneAccount_OwnRoomOnlyAndNoConsole()
    {
        var meeting = await app.NewOnlineMeetingAsync($"Giao ban quyền phòng xã {Guid.NewGuid():N}", new DateOnly(2030, 5, 5));
        var anLacEndpoint = await app.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var user = await app.WithDbAsync(async db => await CurrentUser.LoadAsync(db, (await db.Users.SingleAsync(u => u.UserName == "xa.anlac")).Id));
        await using var scope = app.Scope();

        var grant = await scope.ServiceProvider.GetRequiredService<RoomAccess>().ForAsync(meeting.Id, user);

        Assert.True(grant.Succeeded);
        Assert.False(grant.Value!.CanDrive);
        Assert.Equal([anLacEndpoint], grant.Value.OwnEndpointIds);
        Assert.Contains(user!.AreasOnChain!, a => a.Id == user.Unit.Id || user.Unit.IsInSubtreeOf(a.Path));
    }
}
