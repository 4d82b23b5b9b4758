using Briefings.Core.Organizations;

namespace Briefings.Core.Tests.Organizations;

public sealed class AccessScopeTests
{
    private readonly Unit province;
    private readonly Unit district;
    private readonly Unit office;
    private readonly Unit communeA;
    private readonly Unit partyA;
    private readonly Unit hamletA;
    private readonly Unit communeB;

    public AccessScopeTests()
    {
        province = Unit.Create(Guid.NewGuid(), "T", "Tỉnh", "Tỉnh", UnitKind.Area, null);
        district = Unit.Create(Guid.NewGuid(), "H", "Huyện", "Huyện", UnitKind.Area, province);
        var committee = Unit.Create(Guid.NewGuid(), "HU", "Huyện ủy", "HU", UnitKind.PartyCommittee, district);
        office = Unit.Create(Guid.NewGuid(), "VP", "Văn phòng", "VP", UnitKind.Office, committee);
        communeA = Unit.Create(Guid.NewGuid(), "XA", "Xã A", "Xã A", UnitKind.Area, district);
        partyA = Unit.Create(Guid.NewGuid(), "XA-DU", "Đảng ủy xã A", "ĐU", UnitKind.PartyCommittee, communeA);
        hamletA = Unit.Create(Guid.NewGuid(), "XA-A1", "Ấp 1", "Ấp 1", UnitKind.Area, communeA);
        communeB = Unit.Create(Guid.NewGuid(), "XB", "Xã B", "Xã B", UnitKind.Area, district);
    }

    [Fact]
    public void Clerk_OfDistrictOffice_CoversTheDistrictNotTheProvince()
    {
        var scope = AccessScope.For([Roles.Clerk], office, [province, district], includeSubunits: false);

        Assert.True(scope.Covers(communeB));
        Assert.True(scope.CanEditUnit(hamletA));
        Assert.False(scope.Covers(province));
    }

    [Fact]
    public void Leader_ReadsTheAreaButChangesNothing()
    {
        var scope = AccessScope.For([Roles.Leader], office, [province, district], includeSubunits: false);

        Assert.True(scope.Covers(partyA));
        Assert.False(scope.CanEditUnit(partyA));
        Assert.False(scope.CanEditPeopleOf(partyA));
    }

    [Fact]
    public void UnitStaff_WithSubunits_OwnCommuneOnly()
    {
        var scope = AccessScope.For([Roles.UnitStaff], communeA, [province, district], includeSubunits: true);

        Assert.True(scope.CanEditPeopleOf(hamletA));
        Assert.False(scope.Covers(communeB));
        Assert.False(scope.CanEditUnit(partyA));
    }

    [Fact]
    public void UnitStaff_WithoutSubunits_OwnUnitOnly()
    {
        var scope = AccessScope.For([Roles.UnitStaff], communeA, [province, district], includeSubunits: false);

        Assert.True(scope.Covers(communeA));
        Assert.False(scope.Covers(partyA));
    }

    [Fact]
    public void Technician_ReadsOwnUnitChangesNoPeople()
    {
        var scope = AccessScope.For([Roles.Technician], partyA, [province, district, communeA], includeSubunits: false);

        Assert.True(scope.Covers(partyA));
        Assert.False(scope.CanEditPeopleOf(partyA));
    }

    [Fact]
    public void NoRole_CoversNothing() =>
        Assert.False(AccessScope.For([], communeA, [], includeSubunits: true).Covers(communeA));

    [Fact]
    public void Admin_CoversEverything() =>
        Assert.True(AccessScope.For([Roles.Admin], partyA, [], includeSubunits: false).CanEditUnit(province));

    [Fact]
    public void ClerkAndLeader_OfTheFront_CoverTheFrontNotTheAreaAndOnlyOverseeItFromTheArea()
    {
        var front = Unit.Create(Guid.NewGuid(), "MT", "Ủy ban MTTQ huyện", "UBMTTQ", UnitKind.FatherlandFront, district);
        var committee = Unit.Create(Guid.NewGuid(), "HU2", "Huyện ủy", "HU", UnitKind.PartyCommittee, district);

        var clerk = AccessScope.For([Roles.Clerk], front, [province, district], includeSubunits: false);
        var leader = AccessScope.For([Roles.Leader], front, [province, district], includeSubunits: false);
        var partyOffice = AccessScope.For([Roles.Clerk], office, [province, district], includeSubunits: false);

        Assert.True(clerk.CanEditUnit(front));
        Assert.False(clerk.Covers(committee));
        Assert.False(clerk.Covers(communeA));
        Assert.False(leader.Covers(committee));
        Assert.Equal(district.Path, clerk.AreaPath);
        Assert.False(clerk.OverseesOnly(front));
        Assert.True(partyOffice.OverseesOnly(front));
        Assert.False(partyOffice.OverseesOnly(committee));
    }
}
