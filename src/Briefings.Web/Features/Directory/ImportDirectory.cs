using System.Globalization;
using System.Net.Mail;
using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Briefings.Web.Features.Directory;

/// <summary>
/// Imports the directory from the .xlsx layout of <see cref="DirectorySheet"/>. Every row is checked first;
/// the report lists every bad row with its sheet, row number and reason, and nothing is written while any
/// row is bad. Rows add new units and people, or update existing ones (units by code, people by record id).
/// A unit's parent is not changed by an import: moving is a deliberate act on the unit's page.
/// </summary>
public sealed class ImportDirectory(BriefingsDbContext db)
{
    public sealed record RowError(string Sheet, int Row, string Message);

    public sealed record Report(int UnitsAdded, int UnitsUpdated, int PeopleAdded, int PeopleUpdated, IReadOnlyList<RowError> Errors)
    {
        public bool Imported => Errors.Count == 0;
    }

    private sealed record UnitRow(int Row, string Code, string Name, string ShortName, UnitKind Kind, string? Level, string? Symbol, string? ParentCode, string? VerticalCode, bool Retired);

    private sealed record PersonRow(int Row, Guid? Id, string UnitCode, string FullName, List<(string UnitCode, string Title)> Positions, string? Phone, string? Email, bool Retired);

    public async Task<Report> RunAsync(Stream xlsx, AccessScope scope, DateTimeOffset now, CancellationToken ct = default)
    {
        var errors = new List<RowError>();
        List<IDictionary<string, object?>> unitSheet, peopleSheet;
        try
        {
            using var buffer = new MemoryStream();
            await xlsx.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var sheetNames = buffer.GetSheetNames();
            if (!sheetNames.Contains(DirectorySheet.Units) && !sheetNames.Contains(DirectorySheet.People))
            {
                return Fail(new RowError("", 0, $"Tệp không có trang '{DirectorySheet.Units}' hoặc '{DirectorySheet.People}'. Hãy dùng tệp xuất từ hệ thống làm mẫu."));
            }

            unitSheet = sheetNames.Contains(DirectorySheet.Units) ? Read(buffer, DirectorySheet.Units) : [];
            peopleSheet = sheetNames.Contains(DirectorySheet.People) ? Read(buffer, DirectorySheet.People) : [];
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            return Fail(new RowError("", 0, "Không đọc được tệp. Tệp phải là bảng tính Excel (.xlsx) theo mẫu xuất từ hệ thống."));
        }

        var existing = await db.Units.ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);
        var units = ParseUnits(unitSheet, existing, scope, errors);
        var fileCodes = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        var people = await ParsePeopleAsync(peopleSheet, existing, fileCodes, scope, errors, ct);
        if (errors.Count > 0)
        {
            return new Report(0, 0, 0, 0, errors.OrderBy(e => e.Sheet, StringComparer.Ordinal).ThenBy(e => e.Row).ToList());
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int unitsAdded = 0, unitsUpdated = 0, peopleAdded = 0, peopleUpdated = 0;

        // Parents before children: repeat passes until every new unit found its parent.
        var pendingUnits = units.Where(u => !existing.ContainsKey(u.Code)).ToList();
        while (pendingUnits.Count > 0)
        {
            var ready = pendingUnits.Where(u => u.ParentCode is null || existing.ContainsKey(u.ParentCode)).ToList();
            foreach (var row in ready)
            {
                var parent = row.ParentCode is null ? null : existing[row.ParentCode];
                var unit = Unit.Create(Guid.CreateVersion7(), row.Code, row.Name, row.ShortName, row.Kind, parent);
                db.Units.Add(unit);
                existing[row.Code] = unit;
                unitsAdded++;
            }

            pendingUnits.RemoveAll(ready.Contains);
        }

        foreach (var row in units)
        {
            var unit = existing[row.Code];
            var isNew = unit.Version == 1 && db.Entry(unit).State == EntityState.Added;
            var changed = isNew || unit.Name != row.Name || unit.ShortName != row.ShortName || unit.Kind != row.Kind || unit.Level != row.Level ||
                          unit.DocumentSymbol != row.Symbol || unit.IsRetired != row.Retired ||
                          unit.VerticalParentId != (row.VerticalCode is null ? null : existing[row.VerticalCode].Id);
            if (!changed)
            {
                continue;
            }

            unit.Name = row.Name;
            unit.ShortName = row.ShortName;
            unit.Kind = row.Kind;
            unit.Level = row.Level;
            unit.DocumentSymbol = row.Symbol;
            unit.VerticalParentId = row.VerticalCode is null ? null : existing[row.VerticalCode].Id;
            unit.SortOrder = row.Row;
            if (row.Retired && !unit.IsRetired)
            {
                unit.Retire(now);
            }
            else if (!row.Retired && unit.IsRetired)
            {
                unit.Reinstate();
            }
            else
            {
                unit.Touch();
            }

            if (!isNew)
            {
                unitsUpdated++;
            }
        }

        var ids = people.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToList();
        var existingPeople = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var row in people)
        {
            var home = existing[row.UnitCode];
            Person person;
            if (row.Id is { } id && existingPeople.TryGetValue(id, out var found))
            {
                person = found;
                if (person.UnitId != home.Id)
                {
                    person.MoveTo(home);
                }

                peopleUpdated++;
            }
            else
            {
                person = Person.Create(row.Id ?? Guid.CreateVersion7(), row.FullName, home);
                db.People.Add(person);
                peopleAdded++;
            }

            person.FullName = row.FullName;
            person.Phone = row.Phone;
            person.Email = row.Email;
            person.SetPositions(row.Positions.Select(p => (existing[p.UnitCode].Id, p.Title)));
            if (row.Retired && !person.IsRetired)
            {
                person.Retire(now);
            }
            else if (!row.Retired && person.IsRetired)
            {
                person.Reinstate();
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Report(unitsAdded, unitsUpdated, peopleAdded, peopleUpdated, []);
    }

    private static List<UnitRow> ParseUnits(List<IDictionary<string, object?>> sheet, Dictionary<string, Unit> existing, AccessScope scope, List<RowError> errors)
    {
        var rows = new List<UnitRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var fileCodes = sheet.Select(r => Cell(r, DirectorySheet.Code)).Where(c => c is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < sheet.Count; i++)
        {
            var r = sheet[i];
            var rowNumber = i + 2;
            if (r.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
            {
                continue;
            }

            var problems = new List<string>();
            var code = Cell(r, DirectorySheet.Code);
            var name = Cell(r, DirectorySheet.Name);
            var shortName = Cell(r, DirectorySheet.ShortName) ?? name;
            var kindText = Cell(r, DirectorySheet.Kind);
            var parentCode = Cell(r, DirectorySheet.ParentCode);
            var verticalCode = Cell(r, DirectorySheet.VerticalCode);
            if (code is null)
            {
                problems.Add(DirectoryText.CodeRequired);
            }
            else if (!SaveUnit.CodePattern().IsMatch(code))
            {
                problems.Add(DirectoryText.CodeFormat);
            }
            else if (seen.TryGetValue(code, out var first))
            {
                problems.Add($"Mã đơn vị '{code}' bị trùng với dòng {first}.");
            }

            if (name is null)
            {
                problems.Add(DirectoryText.NameRequired);
            }

            var kind = UnitKinds.Parse(kindText);
            if (kind is null)
            {
                problems.Add(kindText is null ? "Vui lòng nhập loại đơn vị." : $"Loại đơn vị '{kindText}' không có trong danh mục.");
            }

            if (parentCode is not null && !existing.ContainsKey(parentCode) && !fileCodes.Contains(parentCode))
            {
                problems.Add($"Không tìm thấy đơn vị cấp trên có mã '{parentCode}'.");
            }

            if (parentCode is not null && string.Equals(parentCode, code, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("Đơn vị không thể là cấp trên của chính nó.");
            }

            if (verticalCode is not null && !existing.ContainsKey(verticalCode) && !fileCodes.Contains(verticalCode))
            {
                problems.Add($"Không tìm thấy đơn vị ngành dọc có mã '{verticalCode}'.");
            }

            if (code is not null && existing.TryGetValue(code, out var current))
            {
                var currentParent = current.ParentId is { } pid ? existing.Values.FirstOrDefault(u => u.Id == pid)?.Code : null;
                if (!string.Equals(currentParent, parentCode, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"Không đổi đơn vị cấp trên qua nhập tệp (hiện là '{currentParent ?? "không có"}'); hãy dùng chức năng \"Chuyển đơn vị\".");
                }

                if (!scope.CanEditUnit(current))
                {
                    problems.Add("Bạn không có quyền sửa đơn vị này.");
                }
            }
            else if (parentCode is null ? !scope.All : existing.TryGetValue(parentCode, out var parent) && !scope.CanEditUnit(parent))
            {
                problems.Add(parentCode is null ? DirectoryText.RootOnlyAdmin : "Bạn không có quyền thêm đơn vị vào đơn vị cấp trên này.");
            }

            if (code is not null)
            {
                seen.TryAdd(code, rowNumber);
            }

            if (problems.Count > 0)
            {
                errors.Add(new RowError(DirectorySheet.Units, rowNumber, string.Join(" ", problems)));
                continue;
            }

            rows.Add(new UnitRow(rowNumber, code!, name!, shortName!, kind!.Value, Cell(r, DirectorySheet.Level), Cell(r, DirectorySheet.Symbol), parentCode, verticalCode, IsYes(Cell(r, DirectorySheet.Retired))));
        }

        // New units whose parents are new too must not form a cycle.
        var parents = rows.Where(r => r.ParentCode is not null).ToDictionary(r => r.Code, r => r.ParentCode!, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.ToList())
        {
            var walk = row.ParentCode;
            for (var steps = 0; walk is not null && steps <= rows.Count; steps++)
            {
                if (string.Equals(walk, row.Code, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new RowError(DirectorySheet.Units, row.Row, "Quan hệ cấp trên tạo thành vòng lặp."));
                    rows.Remove(row);
                    break;
                }

                walk = parents.GetValueOrDefault(walk);
            }
        }

        return rows;
    }

    private async Task<List<PersonRow>> ParsePeopleAsync(List<IDictionary<string, object?>> sheet, Dictionary<string, Unit> existing, Dictionary<string, UnitRow> fileUnits, AccessScope scope, List<RowError> errors, CancellationToken ct)
    {
        var rows = new List<PersonRow>();
        var ids = sheet.Select(r => Guid.TryParse(Cell(r, DirectorySheet.PersonId), out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var known = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.UnitId }).ToDictionaryAsync(p => p.Id, p => p.UnitId, ct);
        var unitsById = existing.Values.ToDictionary(u => u.Id);
        bool UnitExists(string code) => existing.ContainsKey(code) || fileUnits.ContainsKey(code);

        // A new unit of the file is inside the scope when its nearest existing ancestor is editable.
        bool MayEditPeopleOf(string code)
        {
            for (var c = code; c is not null;)
            {
                if (existing.TryGetValue(c, out var u))
                {
                    return scope.CanEditPeopleOf(u) || (scope.CanEditUnits && scope.Covers(u));
                }

                c = fileUnits.TryGetValue(c, out var row) ? row.ParentCode : null;
            }

            return scope.All;
        }

        // Posts a person already holds stay on re-import of an export, even where the importer may not give them.
        var held = (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct))
            .SelectMany(p => p.Positions.Select(pos => (p.Id, pos.UnitId, pos.Title)))
            .ToHashSet();

        // Positions only in units of the importer's own area (a new unit of the file: its nearest existing ancestor).
        bool MayHoldPositionIn(string code)
        {
            for (var c = code; c is not null;)
            {
                if (existing.TryGetValue(c, out var u))
                {
                    return scope.CanAssignPositionIn(u) || scope.CanEditUnit(u);
                }

                c = fileUnits.TryGetValue(c, out var row) ? row.ParentCode : null;
            }

            return scope.All;
        }

        for (var i = 0; i < sheet.Count; i++)
        {
            var r = sheet[i];
            var rowNumber = i + 2;
            if (r.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
            {
                continue;
            }

            var problems = new List<string>();
            var idText = Cell(r, DirectorySheet.PersonId);
            Guid? id = null;
            if (idText is not null)
            {
                if (!Guid.TryParse(idText, out var g))
                {
                    problems.Add("Mã hồ sơ không hợp lệ (để trống khi thêm người mới).");
                }
                else
                {
                    id = g;
                    if (known.TryGetValue(g, out var currentUnit) && unitsById.TryGetValue(currentUnit, out var cu) && !scope.CanEditPeopleOf(cu))
                    {
                        problems.Add("Bạn không có quyền sửa hồ sơ người này.");
                    }
                }
            }

            var unitCode = Cell(r, DirectorySheet.PersonUnit);
            var fullName = Cell(r, DirectorySheet.FullName);
            var title = Cell(r, DirectorySheet.Title);
            if (fullName is null)
            {
                problems.Add(DirectoryText.PersonNameRequired);
            }

            if (unitCode is null)
            {
                problems.Add(DirectoryText.PersonUnitRequired);
            }
            else if (!UnitExists(unitCode))
            {
                problems.Add($"Không tìm thấy đơn vị có mã '{unitCode}'.");
            }
            else if (!MayEditPeopleOf(unitCode))
            {
                problems.Add("Bạn không có quyền thêm hoặc sửa người của đơn vị này.");
            }

            var positions = new List<(string, string)>();
            if (title is null)
            {
                problems.Add(DirectoryText.PositionRequired);
            }
            else if (unitCode is not null)
            {
                positions.Add((unitCode, title));
            }

            foreach (var part in (Cell(r, DirectorySheet.OtherPositions) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                var posCode = colon > 0 ? part[..colon].Trim() : null;
                var posTitle = colon > 0 ? part[(colon + 1)..].Trim() : part;
                if (posCode is null || posTitle.Length == 0)
                {
                    problems.Add($"Chức vụ khác '{part}' phải có dạng 'MÃ ĐƠN VỊ: chức vụ'.");
                }
                else if (!UnitExists(posCode))
                {
                    problems.Add($"Chức vụ khác: không tìm thấy đơn vị có mã '{posCode}'.");
                }
                else if (!MayHoldPositionIn(posCode) && !(id is { } pid && existing.TryGetValue(posCode, out var pu) && held.Contains((pid, pu.Id, posTitle))))
                {
                    problems.Add($"Chức vụ khác: đơn vị '{posCode}' thuộc địa bàn khác, bạn chỉ được giao chức vụ ở đơn vị thuộc địa bàn của mình.");
                }
                else
                {
                    positions.Add((posCode, posTitle));
                }
            }

            var email = Cell(r, DirectorySheet.Email);
            if (email is not null && !MailAddress.TryCreate(email, out _))
            {
                problems.Add(DirectoryText.EmailInvalid);
            }

            var phone = Cell(r, DirectorySheet.Phone);
            if (phone is not null && !SavePerson.PhonePattern().IsMatch(phone))
            {
                problems.Add(DirectoryText.PhoneInvalid);
            }

            if (problems.Count > 0)
            {
                errors.Add(new RowError(DirectorySheet.People, rowNumber, string.Join(" ", problems)));
                continue;
            }

            rows.Add(new PersonRow(rowNumber, id, unitCode!, fullName!, positions, phone, email, IsYes(Cell(r, DirectorySheet.Retired))));
        }

        return rows;
    }

    private static List<IDictionary<string, object?>> Read(MemoryStream buffer, string sheet)
    {
        buffer.Position = 0;
        return buffer.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    private static string? Cell(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) && Convert.ToString(v, CultureInfo.InvariantCulture) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static bool IsYes(string? s) => s is not null && (TextFolding.Fold(s) is "co" or "x" or "yes" or "1" or "true");

    private static Report Fail(RowError error) => new(0, 0, 0, 0, [error]);
}
