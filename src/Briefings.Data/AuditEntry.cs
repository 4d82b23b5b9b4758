namespace Briefings.Data;

/// <summary>One recorded state change: who, when, what, before → after (JSON of the changed fields).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";

    /// <summary>The unit path the change belongs to, so an audit view can be scoped like the directory.</summary>
    public string? ScopePath { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>Who is acting, for the audit log. The web app supplies the signed-in user.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string UserName { get; }
}

public sealed class SystemActor : IAuditActor
{
    public static SystemActor Instance { get; } = new();
    public string? UserId => null;
    public string UserName => "Hệ thống";
}
