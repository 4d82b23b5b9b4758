using System.Security.Claims;
using Briefings.Data;

namespace Briefings.Web.Infrastructure;

/// <summary>The signed-in user as the actor of audited changes; the system when there is none.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "Hệ thống";
}
