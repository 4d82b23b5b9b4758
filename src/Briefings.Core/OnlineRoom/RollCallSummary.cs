using System.Globalization;

namespace Briefings.Core.OnlineRoom;

/// <summary>The roll call of one endpoint: its invited people and how many were present (in the hall, online
/// or by a substitute), absent, or never marked.</summary>
public sealed record EndpointAttendance(Guid EndpointId, string Name, int Invited, int Present, int Absent, int Unmarked)
{
    /// <summary>An endpoint is present when at least one of its people was.</summary>
    public bool IsPresent => Present > 0;
}

/// <summary>
/// The result of the roll call ("điểm danh") of a meeting — the one rule for "present", used by the meeting page
/// and by the conclusion's preamble: a person is present in the hall, online, or through a substitute ("dự thay");
/// an endpoint is present when one of its people is.
/// </summary>
public sealed record RollCallSummary(IReadOnlyList<EndpointAttendance> Endpoints, IReadOnlyList<Guid> PresentUnitIds)
{
    public int EndpointsPresent => Endpoints.Count(e => e.IsPresent);
    public int EndpointsTotal => Endpoints.Count;
    public int PeoplePresent => Endpoints.Sum(e => e.Present);
    public int PeopleInvited => Endpoints.Sum(e => e.Invited);
    public int PeopleAbsent => Endpoints.Sum(e => e.Absent);

    /// <summary>Whether anyone was marked at all (no roll call: nothing to report).</summary>
    public bool HasMarks => Endpoints.Any(e => e.Present + e.Absent > 0);

    public static bool IsPresent(AttendanceStatus status) =>
        status is AttendanceStatus.InRoom or AttendanceStatus.Online or AttendanceStatus.Substitute;

    /// <summary>"có mặt 12/14 điểm cầu" as the attendance figure is written.</summary>
    public string EndpointFigure => string.Create(CultureInfo.InvariantCulture, $"có mặt {EndpointsPresent}/{EndpointsTotal} điểm cầu");

    public static RollCallSummary Of(IEnumerable<(Guid Id, string Name)> endpoints, IEnumerable<(Guid InvitationId, Guid EndpointId, Guid UnitId)> invitations,
        IEnumerable<(Guid InvitationId, AttendanceStatus Status)> marks)
    {
        var status = marks.GroupBy(m => m.InvitationId).ToDictionary(g => g.Key, g => g.Last().Status);
        var invited = invitations.ToList();
        var rows = endpoints.Select(e =>
        {
            var mine = invited.Where(i => i.EndpointId == e.Id).Select(i => status.GetValueOrDefault(i.InvitationId, AttendanceStatus.Unmarked)).ToList();
            return new EndpointAttendance(e.Id, e.Name, mine.Count, mine.Count(IsPresent), mine.Count(s => s == AttendanceStatus.Absent),
                mine.Count(s => s == AttendanceStatus.Unmarked));
        }).ToList();
        var presentUnits = invited.Where(i => IsPresent(status.GetValueOrDefault(i.InvitationId, AttendanceStatus.Unmarked)))
            .Select(i => i.UnitId).Distinct().ToList();
        return new RollCallSummary(rows, presentUnits);
    }

    /// <summary>The participants paragraph of a conclusion's preamble: the bodies present, in the order given, and the
    /// attendance figures. Null when nobody was marked.</summary>
    public string? ParticipantsParagraph(IReadOnlyList<string> presentBodies)
    {
        if (!HasMarks)
        {
            return null;
        }

        var bodies = presentBodies.Count > 0 ? $"đại diện {string.Join(", ", presentBodies)}; " : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Tham dự hội nghị có {bodies}{EndpointFigure}, {PeoplePresent}/{PeopleInvited} đại biểu được mời có mặt.");
    }
}
