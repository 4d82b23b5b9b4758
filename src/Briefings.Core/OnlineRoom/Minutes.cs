using Briefings.Core.Common;

namespace Briefings.Core.OnlineRoom;

/// <summary>The minutes ("biên bản") of one agenda item, saved continuously while the secretary types.
/// <see cref="Revision"/> guards against two editors overwriting each other.</summary>
public sealed class MinutesEntry
{
    public const int MaxLength = 200_000;

    private MinutesEntry()
    {
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public int AgendaOrder { get; private set; }
    public string Text { get; private set; } = "";
    public int Revision { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static MinutesEntry Create(Guid meetingId, int agendaOrder) =>
        new() { Id = Guid.CreateVersion7(), MeetingId = meetingId, AgendaOrder = agendaOrder };

    /// <summary>Saves <paramref name="text"/> written on top of <paramref name="baseRevision"/>; refuses when
    /// someone saved in between (the caller keeps the refused text as a revision of its own).</summary>
    public Error? Save(string text, int baseRevision, string by, DateTimeOffset at)
    {
        if (text.Length > MaxLength)
        {
            return new Error($"Biên bản một mục tối đa {MaxLength:N0} ký tự.", "Text");
        }

        if (baseRevision != Revision)
        {
            return Error.Conflict;
        }

        if (text == Text)
        {
            return null;
        }

        Text = text;
        Revision++;
        UpdatedBy = by;
        UpdatedAt = at;
        return null;
    }
}

/// <summary>A kept version of an item's minutes. Saves of one person within a minute fold into one version;
/// a save refused for a conflict is kept as a version too, so no typed text is ever lost.</summary>
public sealed class MinutesRevision
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; init; }
    public int AgendaOrder { get; init; }
    public int Revision { get; set; }
    public string Text { get; set; } = "";
    public bool Conflicted { get; init; }
    public required string SavedBy { get; init; }
    public DateTimeOffset SavedAt { get; set; }
}
