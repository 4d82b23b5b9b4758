using Microsoft.AspNetCore.Identity;

namespace Briefings.Data;

/// <summary>An account. Every account belongs to a unit; it may be linked to a person of the directory.</summary>
public sealed class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string FullName { get; set; } = "";

    public Guid UnitId { get; set; }

    public Guid? PersonId { get; set; }

    /// <summary>Granted to unit staff: also see and change the units below their own.</summary>
    public bool IncludeSubunits { get; set; }

    /// <summary>Set for a generated one-time password: the user must choose a new one at first login.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Set when an administrator disables the account: it cannot sign in until enabled again.
    /// Unlike a lockout (temporary, also set by wrong passwords) it never expires by itself.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
