using System.Globalization;
using System.Net.Mail;
using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Briefings.Web.Infrastructure.Files;
using MiniExcelLibs;

namespace Briefings.Web.Features.Directory;

/// <summary>
/// Imports the directory from the .xlsx layout of <see cref="DirectorySheet"/>. Every row is checked first;
/// the report lists every bad row with its sheet, row number and reason (the first <see cref="MaxReportedErrors"/>,
/// with the total), and nothing is written while any row is bad. Rows add new units and people, or update existing
/// ones (units by code, people by record id). A unit's parent is not changed by an import: moving is a deliberate
/// act on the unit's page.
/// The file passes <see cref="OfficePackage"/>'s limits first; sheets are then streamed row by row (MiniExcel, a
/// pass to collect codes and a pass to check), each cell cleaned and held to its column's length, so memory follows
/// the number of rows kept, not the file's shape; every step over the rows is linear (a 263 KB file once took 57 s
/// and 6.6 GB: quadratic parent look-ups and cycle walks, and errors echoing whole cells into a 390 MB page).
/// </summary>
public sealed class ImportDirectory(BriefingsDbContext db)
{
    /// <summary>Rows per sheet; a province's directory has a few thousand units and tens of thousands of people.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Bad rows kept for the report (all are counted).</summary>
    public const int MaxReportedErrors = 1_000;

    /// <summary>Longest cell read; longer cells are refused without being echoed.</summary>
    public const int MaxCellChars = 2_000;

    /// <summary>Units saved per round trip, so the progress moves and the change tracker stays small per save.</summary>
    private const int SaveBatch = 2_000;

    public sealed record RowError(string Sheet, int Row, string Message);

    public sealed record Report(int UnitsAdded, int UnitsUpdated, int PeopleAdded, int PeopleUpdated, IReadOnlyList<RowError> Errors, int ErrorCount)
    {
        public bool Imported => ErrorCount == 0;

        /// <summary>The file held what the directory already holds: nothing was written.</summary>
        public bool NoChanges => Imported && UnitsAdded + UnitsUpdated + PeopleAdded + PeopleUpdated == 0;
    }

    /// <summary>How far an import is: a phase (Vietnamese, for the progress page) and rows done of rows known.</summary>
    public sealed record Progress(string Phase, int Done, int Total);

    private sealed record UnitRow(int Row, string Code, string Name, string ShortName, UnitKind Kind, string? Level, string? Symbol, string? ParentCode, string? VerticalCode, bool Retired, OrganizationType? OrganizationType);

    private sealed record PersonRow(int Row, Guid? Id, string UnitCode, string FullName, List<(string UnitCode, string Title)> Positions, string? Phone, string? Email, bool Retired);

    /// <summary>Keeps the first <see cref="MaxReportedErrors"/> errors and counts all.</summary>
    private sealed class Errors
    {
        public List<RowError> Kept { get; } = [];

        public int Count { get; private set; }

        public void Add(RowError error)
        {
            Count++;
            if (Kept.Count < MaxReportedErrors)
            {
                Kept.Add(error);
            }
        }
    }

    public async Task<Report> RunAsync(Stream xlsx, AccessScope scope, DateTimeOffset now, IProgress<Progress>? progress = null, CancellationToken ct = default)
    {
        var errors = new Errors();
        using var buffer = new MemoryStream();
        await xlsx.CopyToAsync(buffer, ct);
        progress?.Report(new Progress("Đang kiểm tra tệp", 0, 0));
        if (OfficePackage.Check(buffer, OfficePackage.Xlsx, new Error(Unreadable), ct) is { } refused)
        {
            return Fail(new RowError("", 0, refused.Message));
        }

        List<string> sheetNames;
        int unitCount, peopleCount;
        HashSet<string> fileCodes;
        List<Guid> personIds;
        Dictionary<string, string> fileNames;
        try
        {
            sheetNames = buffer.GetSheetNames();
            if (!sheetNames.Contains(DirectorySheet.Units) && !sheetNames.Contains(DirectorySheet.People))
            {
                return Fail(new RowError("", 0, $"Tệp không có trang '{DirectorySheet.Units}' hoặc '{DirectorySheet.People}'. Hãy dùng tệp xuất từ hệ thống làm mẫu."));
            }

            // First pass: how many rows, which codes and record ids the file holds (what later rows may refer to).
            (unitCount, fileCodes, fileNames, var unitStrays) = Collect(buffer, DirectorySheet.Units, sheetNames, DirectorySheet.Code, ct);
            (peopleCount, var idTexts, _, var peopleStrays) = Collect(buffer, DirectorySheet.People, sheetNames, DirectorySheet.PersonId, ct);
            personIds = idTexts.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();

            // A column the template does not have would be dropped without a word (a clerk's own "Email" column).
            var strays = unitStrays.Select(c => new RowError(DirectorySheet.Units, 1, StrayColumn(c, DirectorySheet.Units)))
                .Concat(peopleStrays.Select(c => new RowError(DirectorySheet.People, 1, StrayColumn(c, DirectorySheet.People)))).ToList();
            if (strays.Count > 0)
            {
                return new Report(0, 0, 0, 0, strays, strays.Count);
            }
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            return Fail(new RowError("", 0, Unreadable));
        }

        if (unitCount > MaxRows || peopleCount > MaxRows)
        {
            return Fail(new RowError("", 0, $"Tệp có quá nhiều dòng ({Math.Max(unitCount, peopleCount):N0}; tối đa {MaxRows:N0} dòng mỗi trang). Hãy chia thành nhiều tệp."));
        }

        var total = unitCount + peopleCount;
        progress?.Report(new Progress("Đang kiểm tra từng dòng", 0, total));
        var existing = await db.Units.ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);
        var hints = new CodeHints(existing.Values, fileCodes, fileNames);
        List<UnitRow> units;
        List<PersonRow> people;
        try
        {
            units = ParseUnits(Rows(buffer, DirectorySheet.Units, sheetNames, ct), fileCodes, existing, hints, scope, errors, done => progress?.Report(new Progress("Đang kiểm tra từng dòng", done, total)));
            var fileUnits = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
            people = await ParsePeopleAsync(Rows(buffer, DirectorySheet.People, sheetNames, ct), personIds, existing, fileUnits, fileCodes, hints, scope, errors,
                done => progress?.Report(new Progress("Đang kiểm tra từng dòng", unitCount + done, total)), ct);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            return Fail(new RowError("", 0, Unreadable));
        }

        if (errors.Count > 0)
        {
            return new Report(0, 0, 0, 0, errors.Kept.OrderBy(e => SheetOrder(e.Sheet)).ThenBy(e => e.Sheet, StringComparer.Ordinal).ThenBy(e => e.Row).ToList(), errors.Count);
        }

        progress?.Report(new Progress("Đang ghi vào cơ sở dữ liệu", 0, total));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int unitsAdded = 0, unitsUpdated = 0, peopleAdded = 0, peopleUpdated = 0;

        // Parents before children: ParseUnits returned the rows in that order (by depth in the file's tree).
        var written = 0;
        var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in units.Where(u => !existing.ContainsKey(u.Code)))
        {
            var parent = row.ParentCode is null ? null : existing[row.ParentCode];
            var unit = Unit.Create(Guid.CreateVersion7(), row.Code, row.Name, row.ShortName, row.Kind, parent);
            db.Units.Add(unit);
            existing[row.Code] = unit;
            added.Add(row.Code);
            unitsAdded++;
            if (++written % SaveBatch == 0)
            {
                await db.SaveChangesAsync(ct);
                progress?.Report(new Progress("Đang ghi vào cơ sở dữ liệu", written, total));
            }
        }

        foreach (var row in units)
        {
            var unit = existing[row.Code];
            var isNew = added.Contains(row.Code);
            var organizationType = row.Kind != UnitKind.Organization ? OrganizationType.None
                : row.OrganizationType ?? (isNew ? OrganizationTypes.Guess(row.Name) : unit.OrganizationType);
            var changed = isNew || unit.OrganizationType != organizationType || unit.Name != row.Name || unit.ShortName != row.ShortName || unit.Kind != row.Kind || unit.Level != row.Level ||
                          unit.DocumentSymbol != row.Symbol || unit.IsRetired != row.Retired ||
                          unit.VerticalParentId != (row.VerticalCode is null ? null : existing[row.VerticalCode].Id);
            if (!changed)
            {
                continue;
            }

            unit.Name = row.Name;
            unit.ShortName = row.ShortName;
            unit.Kind = row.Kind;
            unit.OrganizationType = organizationType;
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

        await db.SaveChangesAsync(ct);
        progress?.Report(new Progress("Đang ghi vào cơ sở dữ liệu", unitCount, total));

        var ids = people.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToList();
        var existingPeople = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var row in people)
        {
            var home = existing[row.UnitCode];
            Person person;
            if (row.Id is { } id && existingPeople.TryGetValue(id, out var found))
            {
                person = found;

                // An unchanged row writes nothing and is not counted: re-importing the export reports no changes.
                if (!Differs(person, row, home, existing))
                {
                    continue;
                }

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

            if ((peopleAdded + peopleUpdated) % SaveBatch == 0)
            {
                await db.SaveChangesAsync(ct);
                progress?.Report(new Progress("Đang ghi vào cơ sở dữ liệu", unitCount + peopleAdded + peopleUpdated, total));
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        progress?.Report(new Progress("Đã xong", total, total));
        return new Report(unitsAdded, unitsUpdated, peopleAdded, peopleUpdated, [], 0);
    }

    private static List<UnitRow> ParseUnits(IEnumerable<(int Row, IDictionary<string, object?> Cells)> sheet, HashSet<string> fileCodes, Dictionary<string, Unit> existing, CodeHints hints, AccessScope scope, Errors errors, Action<int> progress)
    {
        var rows = new List<UnitRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var unitsById = existing.Values.ToDictionary(u => u.Id);
        var done = 0;
        foreach (var (rowNumber, r) in sheet)
        {
            if (++done % 500 == 0)
            {
                progress(done);
            }

            if (IsBlank(r))
            {
                continue;
            }

            var problems = new List<string>();
            var code = Cell(r, DirectorySheet.Code, problems);
            var name = Cell(r, DirectorySheet.Name, problems);
            var shortName = Cell(r, DirectorySheet.ShortName, problems) ?? name;
            var kindText = Cell(r, DirectorySheet.Kind, problems);
            var parentCode = Cell(r, DirectorySheet.ParentCode, problems);
            var verticalCode = Cell(r, DirectorySheet.VerticalCode, problems);
            var level = Cell(r, DirectorySheet.Level, problems);
            var symbol = Cell(r, DirectorySheet.Symbol, problems);
            var typeText = Cell(r, DirectorySheet.OrganizationType, problems);
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
                problems.Add($"Mã đơn vị '{Quote(code)}' bị trùng với dòng {first}.");
            }

            if (name is null)
            {
                problems.Add(DirectoryText.NameRequired);
            }

            Limit(name, 300, DirectorySheet.Name, problems);
            Limit(shortName, 120, DirectorySheet.ShortName, problems);
            Limit(level, 60, DirectorySheet.Level, problems);
            Limit(symbol, 20, DirectorySheet.Symbol, problems);
            var kind = UnitKinds.Parse(kindText);
            if (kind is null)
            {
                problems.Add((kindText is null ? "Vui lòng nhập loại đơn vị." : $"Loại đơn vị '{Quote(kindText)}' không có trong danh mục.") + KindList);
            }

            // A blank cell (or a file from before the column) keeps the type the directory holds; a new organization's
            // is read once from its name, as the migration classified the existing ones.
            var organizationType = typeText is null ? (OrganizationType?)null : OrganizationTypes.Parse(typeText);
            if (typeText is not null && organizationType is null)
            {
                problems.Add($"Loại đoàn thể '{Quote(typeText)}' không có trong danh mục." + OrganizationTypeList);
            }

            if (parentCode is not null && !existing.ContainsKey(parentCode) && !fileCodes.Contains(parentCode))
            {
                problems.Add($"Không tìm thấy đơn vị cấp trên có mã '{Quote(parentCode)}'.{hints.For(parentCode)}");
            }

            if (parentCode is not null && string.Equals(parentCode, code, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("Đơn vị không thể là cấp trên của chính nó.");
            }

            if (verticalCode is not null && !existing.ContainsKey(verticalCode) && !fileCodes.Contains(verticalCode))
            {
                problems.Add($"Không tìm thấy đơn vị ngành dọc có mã '{Quote(verticalCode)}'.{hints.For(verticalCode)}");
            }

            if (code is not null && existing.TryGetValue(code, out var current))
            {
                var currentParent = current.ParentId is { } pid && unitsById.TryGetValue(pid, out var p) ? p.Code : null;
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

            rows.Add(new UnitRow(rowNumber, code!, name!, shortName!, kind!.Value, level, symbol, parentCode, verticalCode, IsYes(Cell(r, DirectorySheet.Retired, problems)), organizationType));
        }

        return OrderByDepth(rows, existing, errors);
    }

    /// <summary>New units of the file whose parents are new too must form a tree (no cycle) no deeper than a
    /// unit's path allows; returns the good rows, parents before children. Linear: each row's depth is computed
    /// once, walking up iteratively with memo.</summary>
    private static List<UnitRow> OrderByDepth(List<UnitRow> rows, Dictionary<string, Unit> existing, Errors errors)
    {
        const int PathLimit = 900;
        const int Step = 37; // "/" + a GUID of 36 characters
        var byCode = rows.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        var pathLength = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // -1: in or under a cycle; -2: too deep
        foreach (var row in rows)
        {
            var chain = new List<string>();
            var onChain = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int baseLength;
            for (var walk = row.Code; ;)
            {
                if (pathLength.TryGetValue(walk, out var known))
                {
                    baseLength = known;
                    break;
                }

                if (existing.TryGetValue(walk, out var stored))
                {
                    // An existing unit keeps its own path (imports never move units).
                    baseLength = pathLength[walk] = stored.Path.Length;
                    break;
                }

                if (!byCode.TryGetValue(walk, out var file))
                {
                    baseLength = 1; // a refused parent row: the import writes nothing anyway
                    break;
                }

                if (!onChain.Add(walk))
                {
                    baseLength = -1; // a cycle
                    break;
                }

                chain.Add(walk);
                if (file.ParentCode is not { } parentCode)
                {
                    baseLength = 1;
                    break;
                }

                walk = parentCode;
            }

            for (var i = chain.Count - 1; i >= 0; i--)
            {
                baseLength = baseLength < 0 ? baseLength : baseLength + Step > PathLimit ? -2 : baseLength + Step;
                pathLength[chain[i]] = baseLength;
            }
        }

        var good = new List<(UnitRow Row, int Length)>();
        foreach (var row in rows)
        {
            var length = pathLength[row.Code];
            if (length >= 0)
            {
                good.Add((row, length));
                continue;
            }

            errors.Add(new RowError(DirectorySheet.Units, row.Row, length == -1
                ? "Quan hệ cấp trên tạo thành vòng lặp."
                : $"Đơn vị nằm quá sâu trong cây đơn vị (tối đa khoảng {PathLimit / Step - 1} cấp)."));
        }

        return good.OrderBy(g => g.Length).Select(g => g.Row).ToList();
    }

    private async Task<List<PersonRow>> ParsePeopleAsync(IEnumerable<(int Row, IDictionary<string, object?> Cells)> sheet, List<Guid> ids, Dictionary<string, Unit> existing, Dictionary<string, UnitRow> fileUnits, HashSet<string> fileCodes, CodeHints hints, AccessScope scope, Errors errors, Action<int> progress, CancellationToken ct)
    {
        var rows = new List<PersonRow>();
        var known = new Dictionary<Guid, Guid>();
        foreach (var chunk in ids.Chunk(1_000))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.UnitId }).ToListAsync(ct))
            {
                known[p.Id] = p.UnitId;
            }
        }

        var unitsById = existing.Values.ToDictionary(u => u.Id);
        bool UnitExists(string code) => existing.ContainsKey(code) || fileUnits.ContainsKey(code);

        // A unit of the file whose own row was refused: the person's row is fine, the unit's row is what to mend.
        string Missing(string code) => fileCodes.Contains(code)
            ? $"Đơn vị có mã '{Quote(code)}' của tệp đang có lỗi ở trang {DirectorySheet.Units}; sửa dòng của đơn vị đó rồi nhập lại."
            : $"Không tìm thấy đơn vị có mã '{Quote(code)}'.{hints.For(code)}";

        // A new unit of the file is inside the scope when its nearest existing ancestor is editable.
        bool MayEditPeopleOf(string code)
        {
            var steps = 0;
            for (var c = code; c is not null && steps++ <= fileUnits.Count;)
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
        var held = new HashSet<(Guid, Guid, string)>();
        foreach (var chunk in ids.Chunk(1_000))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
            {
                held.UnionWith(p.Positions.Select(pos => (p.Id, pos.UnitId, pos.Title)));
            }
        }

        // Positions only in units of the importer's own area (a new unit of the file: its nearest existing ancestor).
        bool MayHoldPositionIn(string code)
        {
            var steps = 0;
            for (var c = code; c is not null && steps++ <= fileUnits.Count;)
            {
                if (existing.TryGetValue(c, out var u))
                {
                    return scope.CanAssignPositionIn(u) || scope.CanEditUnit(u);
                }

                c = fileUnits.TryGetValue(c, out var row) ? row.ParentCode : null;
            }

            return scope.All;
        }

        var done = 0;
        foreach (var (rowNumber, r) in sheet)
        {
            if (++done % 500 == 0)
            {
                progress(done);
            }

            if (IsBlank(r))
            {
                continue;
            }

            var problems = new List<string>();
            var idText = Cell(r, DirectorySheet.PersonId, problems);
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

            var unitCode = Cell(r, DirectorySheet.PersonUnit, problems);
            var fullName = Cell(r, DirectorySheet.FullName, problems);
            var title = Cell(r, DirectorySheet.Title, problems);
            if (fullName is null)
            {
                problems.Add(DirectoryText.PersonNameRequired);
            }

            Limit(fullName, 200, DirectorySheet.FullName, problems);
            Limit(title, 200, DirectorySheet.Title, problems);
            if (unitCode is null)
            {
                problems.Add(DirectoryText.PersonUnitRequired);
            }
            else if (!UnitExists(unitCode))
            {
                problems.Add(Missing(unitCode));
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

            foreach (var part in (Cell(r, DirectorySheet.OtherPositions, problems) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                var posCode = colon > 0 ? part[..colon].Trim() : null;
                var posTitle = colon > 0 ? part[(colon + 1)..].Trim() : part;
                if (posCode is null || posTitle.Length == 0)
                {
                    problems.Add($"Chức vụ khác '{Quote(part)}' phải có dạng 'MÃ ĐƠN VỊ: chức vụ'.");
                }
                else if (!UnitExists(posCode))
                {
                    problems.Add("Chức vụ khác: " + Missing(posCode));
                }
                else if (posTitle.Length > 200)
                {
                    problems.Add($"Chức vụ khác '{Quote(posTitle)}' dài quá 200 ký tự.");
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

            var email = Cell(r, DirectorySheet.Email, problems);
            if (email is not null && (email.Length > 200 || !MailAddress.TryCreate(email, out _)))
            {
                problems.Add(DirectoryText.EmailInvalid);
            }

            var phone = Cell(r, DirectorySheet.Phone, problems);
            if (phone is not null && (phone.Length > 40 || !SavePerson.PhonePattern().IsMatch(phone)))
            {
                problems.Add(DirectoryText.PhoneInvalid);
            }

            if (problems.Count > 0)
            {
                errors.Add(new RowError(DirectorySheet.People, rowNumber, string.Join(" ", problems)));
                continue;
            }

            rows.Add(new PersonRow(rowNumber, id, unitCode!, fullName!, positions, phone, email, IsYes(Cell(r, DirectorySheet.Retired, problems))));
        }

        return rows;
    }

    /// <summary>The rows of a sheet, streamed, numbered as Excel shows them (row 1 holds the headers).</summary>
    private static IEnumerable<(int Row, IDictionary<string, object?> Cells)> Rows(MemoryStream buffer, string sheet, List<string> sheetNames, CancellationToken ct)
    {
        if (!sheetNames.Contains(sheet))
        {
            yield break;
        }

        buffer.Position = 0;
        var row = 1;
        Dictionary<string, string>? headers = null;
        foreach (var cells in buffer.Query(useHeaderRow: true, sheetName: sheet, configuration: ReadMerged).Cast<IDictionary<string, object?>>())
        {
            ct.ThrowIfCancellationRequested();
            headers ??= cells.Keys.ToDictionary(k => k, k => TemplateHeader(sheet, k) ?? k, StringComparer.Ordinal);
            var named = new Dictionary<string, object?>(cells.Count, StringComparer.Ordinal);
            foreach (var (key, value) in cells)
            {
                named.TryAdd(headers.TryGetValue(key, out var header) ? header : key, value);
            }

            yield return (++row, named);
        }
    }

    /// <summary>A merged cell ("Xã An Hòa" merged down the rows of the commune's units) counts for every row it
    /// covers, as the person who merged it meant; read plainly, only its first row has it and the others read blank
    /// (a unit without a parent, a person without a unit).</summary>
    private static readonly MiniExcelLibs.OpenXml.OpenXmlConfiguration ReadMerged = new() { FillMergedCells = true };

    private static readonly Dictionary<string, string[]> Headers = new(StringComparer.Ordinal)
    {
        [DirectorySheet.Units] =
        [
            DirectorySheet.Code, DirectorySheet.Name, DirectorySheet.ShortName, DirectorySheet.Kind, DirectorySheet.OrganizationType,
            DirectorySheet.Level, DirectorySheet.Symbol, DirectorySheet.ParentCode, DirectorySheet.VerticalCode, DirectorySheet.Retired,
            DirectorySheet.UnitId,
        ],
        [DirectorySheet.People] =
        [
            DirectorySheet.PersonId, DirectorySheet.PersonUnit, DirectorySheet.FullName, DirectorySheet.Title, DirectorySheet.OtherPositions,
            DirectorySheet.Phone, DirectorySheet.Email, DirectorySheet.Retired,
        ],
    };

    /// <summary>The template's header a typed header means: spaces, case and marks aside ("Thư điện tử ",
    /// "thu dien tu"); "Chức vụ khác" without its hint in brackets. Null for a column the template does not have.</summary>
    private static string? TemplateHeader(string sheet, string typed)
    {
        var folded = string.Join(' ', TextFolding.Fold(CleanText.Clean(typed)).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var header in Headers[sheet])
        {
            var template = TextFolding.Fold(header);
            if (folded == template || (header == DirectorySheet.OtherPositions && folded.StartsWith("chuc vu khac", StringComparison.Ordinal)))
            {
                return header;
            }
        }

        return null;
    }

    private static string StrayColumn(string header, string sheet) =>
        $"Cột '{Quote(header)}' không có trong mẫu nên dữ liệu của cột này sẽ không được nhập. Các cột của trang {sheet}: " +
        $"{string.Join(", ", Headers[sheet])}. Hãy đặt lại tên cột theo mẫu (tải mẫu bằng nút Xuất Excel) hoặc xóa cột này.";

    /// <summary>What a code that names no unit may have meant: a unit's name written where its code goes
    /// ("Xã An Hòa" for X-AH), or the code written another way ("X AH", "x-ah-", "XAH" for "X-AH").</summary>
    private sealed class CodeHints
    {
        private readonly Dictionary<string, string> byName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> bySquashed = new(StringComparer.Ordinal);

        public CodeHints(IEnumerable<Unit> stored, IEnumerable<string> fileCodes, Dictionary<string, string> fileNames)
        {
            foreach (var unit in stored)
            {
                byName.TryAdd(Key(unit.Name), unit.Code);
                bySquashed.TryAdd(Squash(unit.Code), unit.Code);
            }

            foreach (var (name, code) in fileNames)
            {
                byName.TryAdd(name, code);
            }

            foreach (var code in fileCodes)
            {
                bySquashed.TryAdd(Squash(code), code);
            }
        }

        public static string Key(string name) => string.Join(' ', TextFolding.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries));

        private static string Squash(string code) => new(TextFolding.Fold(code).Where(char.IsLetterOrDigit).ToArray());

        /// <summary>" Cột này ghi mã đơn vị, không ghi tên: “Xã An Hòa” có mã 'X-AH'." or "" when nothing fits.</summary>
        public string For(string written)
        {
            if (byName.TryGetValue(Key(written), out var code))
            {
                return $" Cột này ghi mã đơn vị, không ghi tên: “{Quote(written)}” có mã '{code}'.";
            }

            return bySquashed.TryGetValue(Squash(written), out var near) && !string.Equals(near, written, StringComparison.OrdinalIgnoreCase)
                ? $" Có phải mã '{near}'?" : "";
        }
    }

    /// <summary>First pass over a sheet: its row count, the distinct values of one column, the codes by (folded) unit
    /// name, and the columns the template does not have that hold something.</summary>
    private static (int Count, HashSet<string> Values, Dictionary<string, string> CodesByName, List<string> StrayColumns) Collect(
        MemoryStream buffer, string sheet, List<string> sheetNames, string column, CancellationToken ct)
    {
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var codesByName = new Dictionary<string, string>(StringComparer.Ordinal);
        var strays = new List<string>();
        var count = 0;
        foreach (var (_, cells) in Rows(buffer, sheet, sheetNames, ct))
        {
            if (++count > MaxRows)
            {
                break;
            }

            if (cells.TryGetValue(column, out var v) && Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 and <= 200 } text)
            {
                var value = CleanText.Clean(text).Trim();
                values.Add(value);
                if (sheet == DirectorySheet.Units && cells.TryGetValue(DirectorySheet.Name, out var n) &&
                    Convert.ToString(n, CultureInfo.InvariantCulture) is { Length: > 0 and <= 300 } name)
                {
                    codesByName.TryAdd(CodeHints.Key(CleanText.Clean(name)), value);
                }
            }

            foreach (var (key, cell) in cells)
            {
                if (TemplateHeader(sheet, key) is null && !strays.Contains(key) && !string.IsNullOrWhiteSpace(Convert.ToString(cell, CultureInfo.InvariantCulture)))
                {
                    strays.Add(key);
                }
            }
        }

        return (count, values, codesByName, strays);
    }

    private static bool IsBlank(IDictionary<string, object?> row) =>
        row.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static void Limit(string? value, int max, string column, List<string> problems)
    {
        if (value is not null && value.Length > max)
        {
            problems.Add($"Cột '{column}' dài {value.Length} ký tự, tối đa {max} ký tự.");
        }
    }

    /// <summary>A cell's text echoed in a message, cut short: a report never repeats whole cells.</summary>
    private static string Quote(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>The organization types a clerk may write, named in the message, as the kinds are.</summary>
    private static readonly string OrganizationTypeList =
        " Ghi một trong các loại: " + string.Join(", ", Enum.GetValues<OrganizationType>().Select(t => $"“{t.DisplayName()}”")) + ".";

    /// <summary>The kinds a clerk may write, named in the message (a clerk who wrote "Đảng ủy" needs the list, not a no).</summary>
    private static readonly string KindList =
        " Ghi một trong các loại: " + string.Join(", ", Enum.GetValues<UnitKind>().Select(k => $"“{k.DisplayName()}”")) + ".";

    private const string Unreadable = "Không đọc được tệp. Tệp phải là bảng tính Excel (.xlsx) theo mẫu xuất từ hệ thống.";

    /// <summary>The report lists the file's own errors first, then the units' sheet, then the people's: a clerk fixes
    /// the units first, since people rows name them (walk-adopt: sorted by name, "CanBo" came before "DonVi").</summary>
    private static int SheetOrder(string sheet) => sheet switch
    {
        "" => 0,
        DirectorySheet.Units => 1,
        DirectorySheet.People => 2,
        _ => 3,
    };

    private static bool IsUnreadable(Exception ex) =>
        ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException or NotSupportedException or FormatException or InvalidCastException;

    /// <summary>A cell's cleaned, trimmed text, or null when blank; a cell over <see cref="MaxCellChars"/> is a problem
    /// of its row and reads as blank.</summary>
    private static string? Cell(IDictionary<string, object?> row, string column, List<string> problems)
    {
        if (!row.TryGetValue(column, out var v) || Convert.ToString(v, CultureInfo.InvariantCulture) is not { } s || string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        if (s.Length > MaxCellChars)
        {
            problems.Add($"Ô cột '{column}' dài {s.Length:N0} ký tự, tối đa {MaxCellChars:N0} ký tự.");
            return null;
        }

        var clean = CleanText.Clean(s).Trim();
        return clean.Length == 0 ? null : clean;
    }

    private static bool IsYes(string? s) => s is not null && (TextFolding.Fold(s) is "co" or "x" or "yes" or "1" or "true");

    private static bool Differs(Person person, PersonRow row, Unit home, Dictionary<string, Unit> units) =>
        person.UnitId != home.Id || person.FullName != row.FullName || person.Phone != row.Phone || person.Email != row.Email ||
        person.IsRetired != row.Retired ||
        !row.Positions.Select(p => (units[p.UnitCode].Id, p.Title.Trim()))
            .SequenceEqual(person.Positions.OrderBy(p => p.SortOrder).Select(p => (p.UnitId, p.Title)));

    private static Report Fail(RowError error) => new(0, 0, 0, 0, [error], 1);
}
