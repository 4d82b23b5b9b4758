using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Accounts;

/// <summary>The accounts whose unit lies inside the caller's scope.</summary>
public sealed class ListAccounts(BriefingsDbContext db)
{
    public sealed record Row(string Id, string UserName, string FullName, string UnitName, IReadOnlyList<string> Roles, bool LockedOut, bool MustChangePassword, bool Disabled)
    {
        /// <summary>The one status shown for the account, most severe first.</summary>
        public string Status => Disabled ? "Đã vô hiệu hóa" : LockedOut ? "Đang bị khóa" : MustChangePassword ? "Chưa đổi mật khẩu tạm" : "Hoạt động";
    }

    public async Task<IReadOnlyList<Row>> RunAsync(AccessScope scope, DateTimeOffset now, CancellationToken ct = default)
    {
        var rows = await db.Users.AsNoTracking()
            .Join(db.Units.AsNoTracking().Within(scope), u => u.UnitId, unit => unit.Id, (u, unit) => new { u.Id, u.UserName, u.FullName, UnitName = unit.Name, u.LockoutEnd, u.MustChangePassword, u.DisabledAt })
            .OrderBy(x => x.UserName)
            .Take(500)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return rows.Select(r => new Row(r.Id, r.UserName!, r.FullName, r.UnitName,
            roles.Where(x => x.UserId == r.Id).Select(x => x.Name!).ToList(), r.LockoutEnd > now, r.MustChangePassword, r.DisabledAt != null)).ToList();
    }
}
