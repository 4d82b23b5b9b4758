using Briefings.Core.Meetings;
using Briefings.Core.Organizations;

namespace Briefings.Core.Tests.Meetings;

public sealed class CompositionTests
{
    [Theory]
    [InlineData(UnitKind.PartyCommittee, "Phó Bí thư Thường trực Đảng ủy xã An Lạc", true)]
    [InlineData(UnitKind.PartyCommittee, "Ủy viên Ban Chấp hành", false)]
    [InlineData(UnitKind.HamletBranch, "Chi hội trưởng Chi hội Nông dân ấp Phú Lợi", true)]
    [InlineData(UnitKind.Organization, "chu tich hoi nong dan xa", true)]
    [InlineData(UnitKind.Department, "Chủ tịch", false)]
    public void Matches_CommuneRules_ByKindAndTitleWithoutDiacritics(UnitKind kind, string title, bool expected) =>
        Assert.Equal(expected, CompositionTemplates.Reference.Where(r => r.Level == CompositionLevel.Below).Any(r => r.Matches(kind, title)));

    [Fact]
    public void Plan_DistrictAndCommunes_EachPersonAtTheRightEndpointOnce()
    {
        var province = Unit.Create(Guid.NewGuid(), "T", "Tỉnh", "T", UnitKind.Area, null);
        var district = Unit.Create(Guid.NewGuid(), "H", "Huyện", "H", UnitKind.Area, province);
        var hu = Unit.Create(Guid.NewGuid(), "HU", "Huyện ủy", "HU", UnitKind.PartyCommittee, district);
        var commune = Unit.Create(Guid.NewGuid(), "X", "Xã", "X", UnitKind.Area, district);
        var du = Unit.Create(Guid.NewGuid(), "DU", "Đảng ủy xã", "DU", UnitKind.PartyCommittee, commune);
        var hamlet = Unit.Create(Guid.NewGuid(), "A", "Ấp", "A", UnitKind.Area, commune);
        var branch = Unit.Create(Guid.NewGuid(), "B", "Chi hội", "B", UnitKind.HamletBranch, hamlet);
        var units = new[] { district, hu, commune, du, hamlet, branch }
            .Select(u => new InvitationPlanner.UnitInfo(u.Id, u.ParentId, u.Kind, u.Path, false)).ToList();
        var secretary = Guid.NewGuid();
        var communeSecretary = Guid.NewGuid();
        var branchHead = Guid.NewGuid();
        var clerk = Guid.NewGuid();
        var people = new List<InvitationPlanner.PersonInfo>
        {
            new(secretary, false, [(hu.Id, "Bí thư Huyện ủy"), (du.Id, "Bí thư (kiêm)")]),
            new(communeSecretary, false, [(du.Id, "Bí thư Đảng ủy xã")]),
            new(branchHead, false, [(branch.Id, "Chi hội trưởng")]),
            new(clerk, false, [(du.Id, "Văn thư")]),
            new(Guid.NewGuid(), true, [(du.Id, "Phó Bí thư")]),
        };

        var result = InvitationPlanner.Plan(district, CompositionTemplates.Reference, units, people);

        Assert.Equal(3, result.Count);
        Assert.Equal(district.Id, result.Single(r => r.PersonId == secretary).EndpointAreaId);
        Assert.Equal(commune.Id, result.Single(r => r.PersonId == communeSecretary).EndpointAreaId);
        Assert.Equal(commune.Id, result.Single(r => r.PersonId == branchHead).EndpointAreaId);
        Assert.DoesNotContain(result, r => r.PersonId == clerk);
    }

    [Fact]
    public void Gap_OneConfirmedOneSubstituteOneDeclined_MissingOne()
    {
        var attendees = new[] { "Thường trực Đảng ủy xã", "Thường trực Đảng ủy xã", "Trưởng các chi hội ấp" }
            .Select(label => Invitation.Create(Guid.NewGuid(), Guid.NewGuid(), new RequiredAttendee(Guid.NewGuid(), Guid.NewGuid(), "t", Guid.NewGuid(), label)))
            .ToList();
        attendees[0].Answer(InvitationResponse.Confirmed, null, null, null, "u", DateTimeOffset.UnixEpoch);
        attendees[1].Answer(InvitationResponse.Substitute, "Lê Văn Thay", "Ủy viên Ban Thường vụ", null, "u", DateTimeOffset.UnixEpoch);
        attendees[2].Answer(InvitationResponse.Declined, null, null, "Đi công tác", "u", DateTimeOffset.UnixEpoch);

        var gap = CompositionGap.For(attendees);

        Assert.Equal(new GapLine("Thường trực Đảng ủy xã", 2, 2, true, 2), gap.Single(g => g.Label.StartsWith("Thường trực", StringComparison.Ordinal)));
        Assert.Equal(1, gap.Single(g => g.Label.StartsWith("Trưởng", StringComparison.Ordinal)).Missing);
        Assert.False(CompositionGap.IsComplete(gap));
    }

    [Fact]
    public void Answer_SubstituteWithoutName_RefusedAndUnchanged()
    {
        var invitation = Invitation.Create(Guid.NewGuid(), Guid.NewGuid(), new RequiredAttendee(Guid.NewGuid(), Guid.NewGuid(), "t", Guid.NewGuid(), "l"));

        var error = invitation.Answer(InvitationResponse.Substitute, " ", "Phó Chủ tịch", null, "u", DateTimeOffset.UnixEpoch);

        Assert.NotNull(error);
        Assert.Equal("SubstituteName", error.Field);
        Assert.Equal(InvitationResponse.Pending, invitation.Response);
    }

    [Fact]
    public void Schedule_EndBeforeStart_Refused()
    {
        var meeting = Meeting.Create(Guid.NewGuid(), "Họp", MeetingType.Other, MeetingMode.Online, Guid.NewGuid(), Guid.NewGuid());

        Assert.NotNull(meeting.Schedule(DateTimeOffset.UnixEpoch.AddHours(2), DateTimeOffset.UnixEpoch.AddHours(1), "Phòng họp"));
    }
}
