using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Directory;

/// <summary>Moves a unit and its whole subtree under another parent, rewriting the materialized paths
/// in one transaction. Both the old and the new place must be inside the caller's scope.</summary>
public sealed class MoveUnit(BriefingsDbContext db)
{
    public sealed record Input(Guid Id, string? NewParentCode, int Version);

    public async Task<Result<Unit>> RunAsync(Input input, AccessScope scope, CancellationToken ct = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.Id, ct);
        if (unit is null)
        {
            return Error.NotFound;
        }

        if (!scope.CanEditUnit(unit))
        {
            return Error.Forbidden;
        }

        if (unit.Version != input.Version)
        {
            return Error.Conflict;
        }

        Unit? parent = null;
        if (!string.IsNullOrWhiteSpace(input.NewParentCode))
        {
            parent = await db.Units.FirstOrDefaultAsync(u => u.Code == input.NewParentCode.Trim(), ct);
            if (parent is null)
            {
                return new Error(DirectoryText.ParentNotFound, nameof(Input.NewParentCode));
            }

            if (!scope.CanEditUnit(parent))
            {
                return Error.Forbidden;
            }
        }
        else if (!scope.All)
        {
            return new Error(DirectoryText.RootOnlyAdmin, nameof(Input.NewParentCode));
        }

        // The form opens with the current parent's code: sent unchanged, nothing moves. Said so, instead of
        // "Đã chuyển đơn vị" over an unchanged unit and an audit entry of a move that did not happen.
        if (parent?.Id == unit.ParentId)
        {
            return new Error(DirectoryText.SameParent(parent?.Name), nameof(Input.NewParentCode));
        }

        var oldPath = unit.Path;
        var oldDepth = unit.Depth;
        var descendants = await db.Units.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(ct);
        if (unit.MoveTo(parent) is { } error)
        {
            return error with { Field = nameof(Input.NewParentCode) };
        }

        foreach (var d in descendants)
        {
            d.RebaseDescendant(oldPath, unit.Path, unit.Depth - oldDepth);
        }

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
}
