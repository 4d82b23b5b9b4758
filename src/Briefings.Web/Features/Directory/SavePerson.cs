using System.Net.Mail;
using System.Text.RegularExpressions;
using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Directory;

/// <summary>Creates or edits a person and the positions they hold. The caller must be allowed to change
/// people of the home unit — before and after the change.</summary>
public sealed partial class SavePerson(BriefingsDbContext db)
{
    public sealed record PositionInput(string? UnitCode, string? Title);

    public sealed record Input(Guid? Id, string? FullName, string? UnitCode, string? Phone, string? Email, IReadOnlyList<PositionInput> Positions, int Version);

    public async Task<Result<Person>> RunAsync(Input input, AccessScope scope, CancellationToken ct = default)
    {
        Person? person = null;
        if (input.Id is { } id)
        {
            person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (person is null)
            {
                return Error.NotFound;
            }

            var currentUnit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == person.UnitId, ct);
            if (!scope.CanEditPeopleOf(currentUnit))
            {
                return Error.Forbidden;
            }

            if (person.Version != input.Version)
            {
                return Error.Conflict;
            }
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(input.FullName))
        {
            errors.Add(new Error(DirectoryText.PersonNameRequired, nameof(Input.FullName)));
        }

        if (!string.IsNullOrWhiteSpace(input.Email) && !MailAddress.TryCreate(input.Email.Trim(), out _))
        {
            errors.Add(new Error(DirectoryText.EmailInvalid, nameof(Input.Email)));
        }

        if (!string.IsNullOrWhiteSpace(input.Phone) && !PhonePattern().IsMatch(input.Phone.Trim()))
        {
            errors.Add(new Error(DirectoryText.PhoneInvalid, nameof(Input.Phone)));
        }

        Unit? home = null;
        if (string.IsNullOrWhiteSpace(input.UnitCode))
        {
            errors.Add(new Error(DirectoryText.PersonUnitRequired, nameof(Input.UnitCode)));
        }
        else
        {
            home = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == input.UnitCode.Trim(), ct);
            if (home is null)
            {
                errors.Add(new Error(DirectoryText.PersonUnitNotFound, nameof(Input.UnitCode)));
            }
            else if (home.IsRetired && home.Id != person?.UnitId)
            {
                errors.Add(new Error(DirectoryText.PersonUnitRetired, nameof(Input.UnitCode)));
            }
            else if (!scope.CanEditPeopleOf(home))
            {
                return Error.Forbidden;
            }
        }

        // A post already held (given by the district's clerk, say) stays when a commune's staff edits the record.
        bool HeldBefore(Guid unitId, string title) =>
            person?.Positions.Any(x => x.UnitId == unitId && x.Title == title.Trim()) == true;

        var posts = new List<(Guid, string)>();
        var filled = input.Positions.Where(p => !string.IsNullOrWhiteSpace(p.UnitCode) || !string.IsNullOrWhiteSpace(p.Title)).ToList();
        for (var i = 0; i < input.Positions.Count; i++)
        {
            var p = input.Positions[i];
            if (string.IsNullOrWhiteSpace(p.UnitCode) && string.IsNullOrWhiteSpace(p.Title))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(p.Title))
            {
                errors.Add(new Error(DirectoryText.PositionTitleRequired, $"Positions[{i}].Title"));
                continue;
            }

            var unitCode = string.IsNullOrWhiteSpace(p.UnitCode) ? input.UnitCode?.Trim() : p.UnitCode.Trim();
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, ct);
            if (unit is null)
            {
                errors.Add(new Error(DirectoryText.PositionUnitNotFound, $"Positions[{i}].UnitCode"));
                continue;
            }

            if (!scope.CanAssignPositionIn(unit) && !HeldBefore(unit.Id, p.Title))
            {
                errors.Add(new Error(DirectoryText.PositionUnitOutsideArea, $"Positions[{i}].UnitCode"));
                continue;
            }

            posts.Add((unit.Id, p.Title));
        }

        if (filled.Count == 0)
        {
            errors.Add(new Error(DirectoryText.PositionRequired, "Positions[0].Title"));
        }

        if (errors.Count > 0)
        {
            return Result<Person>.Fail(errors);
        }

        if (person is null)
        {
            person = Person.Create(Guid.CreateVersion7(), input.FullName!, home!);
            db.People.Add(person);
        }
        else if (person.UnitId != home!.Id)
        {
            person.MoveTo(home);
        }

        person.FullName = input.FullName!.Trim();
        person.Phone = SaveUnit.Blank(input.Phone);
        person.Email = SaveUnit.Blank(input.Email);
        person.SetPositions(posts);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }

        return Result<Person>.Ok(person);
    }

    [GeneratedRegex(@"^[0-9+ .]{6,20}$")]
    internal static partial Regex PhonePattern();
}
