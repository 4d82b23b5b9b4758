using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Accounts;

/// <summary>Creates an account for a unit with a one-time password that the person must change at first
/// login. The password is returned once and stored only as a hash.</summary>
public sealed class CreateAccount(BriefingsDbContext db, UserManager<ApplicationUser> users)
{
    public sealed record Input(string? UserName, string? FullName, string? Role, string? UnitCode, bool IncludeSubunits);

    public sealed record Created(string UserName, string OneTimePassword);

    public async Task<Result<Created>> RunAsync(Input input, AccessScope scope, CancellationToken ct = default)
    {
        if (!scope.ManagesAccounts)
        {
            return Error.Forbidden;
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(input.UserName))
        {
            errors.Add(new Error("Vui lòng nhập tên đăng nhập.", nameof(Input.UserName)));
        }

        if (string.IsNullOrWhiteSpace(input.FullName))
        {
            errors.Add(new Error("Vui lòng nhập họ tên hoặc tên gọi của tài khoản.", nameof(Input.FullName)));
        }

        if (input.Role is null || !Roles.All.Contains(input.Role))
        {
            errors.Add(new Error("Vui lòng chọn vai trò.", nameof(Input.Role)));
        }
        else if (input.Role == Roles.Admin && !scope.All)
        {
            errors.Add(new Error("Chỉ quản trị hệ thống mới tạo được tài khoản quản trị.", nameof(Input.Role)));
        }

        Unit? unit = null;
        if (string.IsNullOrWhiteSpace(input.UnitCode))
        {
            errors.Add(new Error("Vui lòng nhập mã đơn vị của tài khoản.", nameof(Input.UnitCode)));
        }
        else
        {
            unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == input.UnitCode.Trim(), ct);
            if (unit is null)
            {
                errors.Add(new Error("Không tìm thấy đơn vị với mã đã nhập.", nameof(Input.UnitCode)));
            }
            else if (!scope.CanEditUnit(unit))
            {
                errors.Add(new Error("Đơn vị này nằm ngoài phạm vi bạn được quản lý.", nameof(Input.UnitCode)));
            }
            else if (unit.IsRetired)
            {
                errors.Add(new Error("Đơn vị này đã ngừng hoạt động.", nameof(Input.UnitCode)));
            }
        }

        if (errors.Count > 0)
        {
            return Result<Created>.Fail(errors);
        }

        var password = AccountBootstrap.GeneratePassword();
        var user = new ApplicationUser
        {
            UserName = input.UserName!.Trim(),
            FullName = input.FullName!.Trim(),
            UnitId = unit!.Id,
            IncludeSubunits = input.IncludeSubunits,
            MustChangePassword = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Result<Created>.Fail(created.Errors.Select(e => new Error(e.Description, nameof(Input.UserName))).ToList());
        }

        await users.AddToRoleAsync(user, input.Role!);
        return Result<Created>.Ok(new Created(user.UserName, password));
    }
}
