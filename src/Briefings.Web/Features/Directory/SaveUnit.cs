using System.Text.RegularExpressions;
using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Directory;

/// <summary>Creates a unit under a parent, or edits one. Moving is <see cref="MoveUnit"/>.</summary>
public sealed partial class SaveUnit(BriefingsDbContext db)
{
    public sealed record Input(
        Guid? Id,
        string? Code,
        string? Name,
        string? ShortName,
        UnitKind Kind,
        string? Level,
        string? DocumentSymbol,
        string? ParentCode,
        string? VerticalParentCode,
        int Version,
        OrganizationType? OrganizationType = null);

    public async Task<Result<Unit>> RunAsync(Input input, AccessScope scope, CancellationToken ct = default)
    {
        var errors = new List<Error>();
        var code = input.Code?.Trim() ?? "";
        if (code.Length == 0)
        {
            errors.Add(new Error(DirectoryText.CodeRequired, nameof(Input.Code)));
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors.Add(new Error(DirectoryText.CodeFormat, nameof(Input.Code)));
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new Error(DirectoryText.NameRequired, nameof(Input.Name)));
        }

        if (string.IsNullOrWhiteSpace(input.ShortName))
        {
            errors.Add(new Error(DirectoryText.ShortNameRequired, nameof(Input.ShortName)));
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(new Error(DirectoryText.KindInvalid, nameof(Input.Kind)));
        }

        if (input.OrganizationType is { } type && !Enum.IsDefined(type))
        {
            errors.Add(new Error(DirectoryText.OrganizationTypeInvalid, nameof(Input.OrganizationType)));
        }

        Unit? vertical = null;
        if (!string.IsNullOrWhiteSpace(input.VerticalParentCode))
        {
            vertical = await db.Units.FirstOrDefaultAsync(u => u.Code == input.VerticalParentCode.Trim(), ct);
            if (vertical is null)
            {
                errors.Add(new Error(DirectoryText.VerticalNotFound, nameof(Input.VerticalParentCode)));
            }
        }

        if (code.Length > 0 && await db.Units.AnyAsync(u => u.Code == code && u.Id != input.Id, ct))
        {
            errors.Add(new Error(DirectoryText.CodeTaken(code), nameof(Input.Code)));
        }

        Unit unit;
        if (input.Id is { } id)
        {
            var existing = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (existing is null)
            {
                return Error.NotFound;
            }

            if (!scope.CanEditUnit(existing))
            {
                return Error.Forbidden;
            }

            if (existing.Version != input.Version)
            {
                return Error.Conflict;
            }

            if (errors.Count > 0)
            {
                return Result<Unit>.Fail(errors);
            }

            unit = existing;
            unit.Code = code;
        }
        else
        {
            Unit? parent = null;
            if (!string.IsNullOrWhiteSpace(input.ParentCode))
            {
                parent = await db.Units.FirstOrDefaultAsync(u => u.Code == input.ParentCode.Trim(), ct);
                if (parent is null)
                {
                    errors.Add(new Error(DirectoryText.ParentNotFound, nameof(Input.ParentCode)));
                }
                else if (parent.IsRetired)
                {
                    errors.Add(new Error(DirectoryText.ParentRetired, nameof(Input.ParentCode)));
                }
                else if (!scope.CanEditUnit(parent))
                {
                    return Error.Forbidden;
                }
            }
            else if (!scope.All)
            {
                errors.Add(new Error(DirectoryText.RootOnlyAdmin, nameof(Input.ParentCode)));
            }

            if (errors.Count > 0)
            {
                return Result<Unit>.Fail(errors);
            }

            unit = Unit.Create(Guid.CreateVersion7(), code, input.Name!, input.ShortName!, input.Kind, parent);
            unit.SortOrder = parent is null ? 0 : await db.Units.CountAsync(u => u.ParentId == parent.Id, ct);
            db.Units.Add(unit);
        }

        unit.Name = input.Name!.Trim();
        unit.ShortName = input.ShortName!.Trim();
        unit.Kind = input.Kind;
        unit.OrganizationType = input.Kind != UnitKind.Organization ? OrganizationType.None : input.OrganizationType ?? unit.OrganizationType;
        unit.Level = Blank(input.Level);
        unit.DocumentSymbol = Blank(input.DocumentSymbol);
        unit.VerticalParentId = vertical?.Id;
        unit.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }

        return Result<Unit>.Ok(unit);
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]
    internal static partial Regex CodePattern();
}
