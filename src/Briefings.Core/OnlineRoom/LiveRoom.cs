using Briefings.Core.Common;

namespace Briefings.Core.OnlineRoom;

public enum SpeechStatus
{
    Waiting = 0,
    Speaking = 1,
    Done = 2,
    Withdrawn = 3,

    /// <summary>Taken out of the queue by the chair or the secretary, not by its endpoint: the endpoint is told it was
    /// not given the floor (a request that silently vanished read on a commune's phone as never sent).</summary>
    Declined = 4,
}

public enum SpeechSource
{
    /// <summary>Registered before the meeting (a speaking registration).</summary>
    Registered = 0,

    /// <summary>Asked for from an endpoint during the meeting.</summary>
    Live = 1,

    /// <summary>Put in the queue by the chair or secretary.</summary>
    AddedByChair = 2,
}

/// <summary>One entry of the speaker queue ("danh sách phát biểu").</summary>
public sealed class Speech
{
    private Speech()
    {
    }

    public Guid Id { get; private set; }
    public Guid? EndpointId { get; private set; }
    public Guid UnitId { get; private set; }
    public string UnitName { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public SpeechSource Source { get; private set; }
    public Guid? RegistrationId { get; private set; }
    public int Position { get; internal set; }
    public SpeechStatus Status { get; internal set; }
    public int PlannedMinutes { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; internal set; }
    public DateTimeOffset? EndedAt { get; internal set; }

    internal static Speech Create(Guid? endpointId, Guid unitId, string unitName, string topic, SpeechSource source, Guid? registrationId,
        int minutes, string by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        EndpointId = endpointId,
        UnitId = unitId,
        UnitName = unitName,
        Topic = topic,
        Source = source,
        RegistrationId = registrationId,
        PlannedMinutes = minutes,
        RequestedBy = by,
        RequestedAt = at,
    };
}

/// <summary>A speaking registration to bring into the queue when the room opens.</summary>
public sealed record RegisteredSpeech(Guid RegistrationId, Guid? EndpointId, Guid UnitId, string UnitName, string Topic, int Minutes, string By, DateTimeOffset At);

/// <summary>
/// The live state of an online meeting that the chair drives: the current agenda item, the speaker queue
/// and whether media is available. Rules: registered speeches come before live requests (the chair may
/// reorder afterwards); one speech at a time — starting one ends the one in progress; an endpoint has at
/// most one waiting request. Every change bumps <see cref="Version"/>, so two app instances acting at once
/// cannot overwrite each other.
/// </summary>
public sealed class LiveRoom
{
    public const int MaxTopicLength = 300;
    public const int DefaultLiveMinutes = 5;

    /// <summary>Live requests one endpoint may make in a meeting, withdrawn ones included. A withdrawn request stays in the
    /// room's record, and every change loads the whole record: without a cap a script asking and withdrawing in a loop
    /// grew it by a row per call, for every later action of the chair to read (walk-hostile2).</summary>
    public const int MaxLiveRequestsPerEndpoint = 30;

    /// <summary>Speeches a room holds in all (registered, added by the chair, live; any status).</summary>
    public const int MaxSpeeches = 1000;

    private readonly List<Speech> speeches = [];

    private LiveRoom()
    {
    }

    public Guid MeetingId { get; private set; }
    public int? CurrentAgendaOrder { get; private set; }
    public DateTimeOffset? CurrentItemSince { get; private set; }
    public bool MediaUnavailable { get; private set; }
    public string? MediaNote { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<Speech> Speeches => speeches;

    public IEnumerable<Speech> Queue => speeches.Where(s => s.Status == SpeechStatus.Waiting).OrderBy(s => s.Position);
    public Speech? Current => speeches.FirstOrDefault(s => s.Status == SpeechStatus.Speaking);

    public static LiveRoom Open(Guid meetingId) => new() { MeetingId = meetingId };

    /// <summary>Brings registrations not yet in the queue in, after the registered ones already waiting and
    /// before any live request.</summary>
    public bool Import(IEnumerable<RegisteredSpeech> registrations)
    {
        var known = speeches.Where(s => s.RegistrationId is not null).Select(s => s.RegistrationId!.Value).ToHashSet();
        var fresh = registrations.Where(r => !known.Contains(r.RegistrationId)).OrderBy(r => r.At).ToList();
        if (fresh.Count == 0)
        {
            return false;
        }

        var waiting = Queue.ToList();
        var insertAt = waiting.FindIndex(s => s.Source != SpeechSource.Registered);
        if (insertAt < 0)
        {
            insertAt = waiting.Count;
        }

        var added = fresh.Select(r => Speech.Create(r.EndpointId, r.UnitId, r.UnitName, Clip(r.Topic), SpeechSource.Registered, r.RegistrationId,
            Math.Max(1, r.Minutes), r.By, r.At)).ToList();
        speeches.AddRange(added);
        waiting.InsertRange(insertAt, added);
        Renumber(waiting);
        Touch();
        return true;
    }

    public Error? SetCurrentItem(int order, IReadOnlyCollection<int> agendaOrders, DateTimeOffset at)
    {
        if (!agendaOrders.Contains(order))
        {
            return new Error("Không có mục này trong chương trình họp.", "Order");
        }

        if (CurrentAgendaOrder != order)
        {
            CurrentAgendaOrder = order;
            CurrentItemSince = at;
            Touch();
        }

        return null;
    }

    public Result<Speech> Request(Guid? endpointId, Guid unitId, string unitName, string? topic, SpeechSource source, int minutes, string by, DateTimeOffset at)
    {
        var text = (topic ?? "").Trim();
        if (text.Length == 0)
        {
            text = "Phát biểu ý kiến";
        }

        if (text.Length > MaxTopicLength)
        {
            return new Error($"Nội dung đăng ký tối đa {MaxTopicLength} ký tự.", "Topic");
        }

        if (source == SpeechSource.Live && endpointId is { } e && Queue.Any(s => s.EndpointId == e && s.Source == SpeechSource.Live))
        {
            return new Error("Điểm cầu đã xin phát biểu và đang chờ đến lượt.");
        }

        if (minutes is < 1 or > 120)
        {
            return new Error("Thời lượng phát biểu từ 1 đến 120 phút.", "Minutes");
        }

        if (source == SpeechSource.Live && endpointId is { } asking
            && speeches.Count(s => s.EndpointId == asking && s.Source == SpeechSource.Live) >= MaxLiveRequestsPerEndpoint)
        {
            return new Error($"Điểm cầu đã xin phát biểu {MaxLiveRequestsPerEndpoint} lần trong cuộc họp này, không xin thêm được. Hãy báo thư ký cuộc họp nếu cần phát biểu.");
        }

        if (speeches.Count >= MaxSpeeches)
        {
            return new Error($"Danh sách phát biểu của cuộc họp đã đủ {MaxSpeeches} lượt, không thêm được.");
        }

        var speech = Speech.Create(endpointId, unitId, unitName, text, source, null, minutes, by, at);
        speech.Position = speeches.Count == 0 ? 1 : speeches.Max(s => s.Position) + 1;
        speeches.Add(speech);
        Touch();
        return Result<Speech>.Ok(speech);
    }

    /// <summary>Takes a waiting request out of the queue; an endpoint may withdraw only its own. Taken out by the organizer
    /// (<paramref name="onlyForEndpoint"/> null), an endpoint's speech is <see cref="SpeechStatus.Declined"/>, its own
    /// withdrawal <see cref="SpeechStatus.Withdrawn"/>.</summary>
    public Error? Withdraw(Guid speechId, Guid? onlyForEndpoint)
    {
        var speech = speeches.FirstOrDefault(s => s.Id == speechId);
        if (speech is null)
        {
            return Error.NotFound;
        }

        if (onlyForEndpoint is { } endpoint && speech.EndpointId != endpoint)
        {
            return Error.Forbidden;
        }

        if (speech.Status != SpeechStatus.Waiting)
        {
            return new Error("Chỉ rút được lượt phát biểu đang chờ.");
        }

        speech.Status = onlyForEndpoint is null && speech.EndpointId is not null ? SpeechStatus.Declined : SpeechStatus.Withdrawn;
        Touch();
        return null;
    }

    /// <summary>Moves a waiting speech to <paramref name="index"/> (0-based) of the waiting queue.</summary>
    public Error? Move(Guid speechId, int index)
    {
        var waiting = Queue.ToList();
        var speech = waiting.FirstOrDefault(s => s.Id == speechId);
        if (speech is null)
        {
            return new Error("Lượt phát biểu không còn trong danh sách chờ.");
        }

        waiting.Remove(speech);
        waiting.Insert(Math.Clamp(index, 0, waiting.Count), speech);
        Renumber(waiting);
        Touch();
        return null;
    }

    /// <summary>Gives the floor to a waiting speech; the speech in progress, if any, ends now.</summary>
    public Error? Start(Guid speechId, DateTimeOffset at)
    {
        var speech = speeches.FirstOrDefault(s => s.Id == speechId);
        if (speech is null)
        {
            return Error.NotFound;
        }

        if (speech.Status != SpeechStatus.Waiting)
        {
            return new Error("Chỉ mời phát biểu được lượt đang chờ.");
        }

        EndCurrent(at);
        speech.Status = SpeechStatus.Speaking;
        speech.StartedAt = at;
        Touch();
        return null;
    }

    public Error? Stop(DateTimeOffset at)
    {
        if (Current is null)
        {
            return new Error("Không có ai đang phát biểu.");
        }

        EndCurrent(at);
        Touch();
        return null;
    }

    public void SetMedia(bool unavailable, string? note)
    {
        var cleaned = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 300)];
        if (MediaUnavailable == unavailable && MediaNote == cleaned)
        {
            return;
        }

        MediaUnavailable = unavailable;
        MediaNote = unavailable ? cleaned : null;
        Touch();
    }

    private void EndCurrent(DateTimeOffset at)
    {
        if (Current is { } current)
        {
            current.Status = SpeechStatus.Done;
            current.EndedAt = at;
        }
    }

    private static void Renumber(List<Speech> waiting)
    {
        for (var i = 0; i < waiting.Count; i++)
        {
            waiting[i].Position = i + 1;
        }
    }

    private static string Clip(string topic) => topic.Length <= MaxTopicLength ? topic.Trim() : topic[..MaxTopicLength].Trim();

    private void Touch() => Version++;
}
