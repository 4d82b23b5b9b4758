namespace Briefings.Core.Meetings;

/// <summary>The readiness checklist of an endpoint, from the reference: picture, sound and a stable
/// connection; a tidy room; a name board for each unit; and the technician on site.</summary>
public enum ReadinessItem
{
    Picture = 0,
    Sound = 1,
    Connection = 2,
    RoomTidy = 3,
    NameBoard = 4,
    TechnicianPresent = 5,
}

/// <summary>A meeting room taking part in a meeting: the host room of the body, or one commune's room
/// (several units of the commune sit in it).</summary>
public sealed class MeetingEndpoint
{
    private readonly List<ReadinessTick> ticks = [];

    private MeetingEndpoint()
    {
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid AreaUnitId { get; private set; }
    public required string Name { get; set; }
    public bool IsHost { get; private set; }
    public IReadOnlyList<ReadinessTick> Ticks => ticks;

    public static MeetingEndpoint Create(Guid meetingId, Guid areaUnitId, string name, bool isHost) =>
        new() { Id = Guid.CreateVersion7(), MeetingId = meetingId, AreaUnitId = areaUnitId, Name = name, IsHost = isHost };

    public static IReadOnlyList<ReadinessItem> Checklist { get; } = Enum.GetValues<ReadinessItem>();

    /// <summary>The area's name without "Điểm cầu (chính —)": what a name board or a table row shows.</summary>
    public string AreaName => Name.Replace("Điểm cầu chính — ", "", StringComparison.Ordinal).Replace("Điểm cầu ", "", StringComparison.Ordinal);

    public bool IsReady => Checklist.All(i => ticks.Any(t => t.Item == i && t.Passed));

    public ReadinessTick? Tick(ReadinessItem item) => ticks.FirstOrDefault(t => t.Item == item);

    /// <summary>Records the latest result of one check (by hand now; by the automatic media check later).</summary>
    public void Record(ReadinessItem item, bool passed, string by, DateTimeOffset at, string? details = null)
    {
        ticks.RemoveAll(t => t.Item == item);
        ticks.Add(new ReadinessTick { Item = item, Passed = passed, By = by, At = at, Details = details });
    }

    public static string DisplayName(ReadinessItem item) => item switch
    {
        ReadinessItem.Picture => "Hình ảnh",
        ReadinessItem.Sound => "Âm thanh",
        ReadinessItem.Connection => "Đường truyền",
        ReadinessItem.RoomTidy => "Phòng họp gọn gàng",
        ReadinessItem.NameBoard => "Bảng tên đơn vị",
        ReadinessItem.TechnicianPresent => "Kỹ thuật viên có mặt",
    };
}

public sealed class ReadinessTick
{
    public ReadinessItem Item { get; set; }
    public bool Passed { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Details { get; set; }
}
