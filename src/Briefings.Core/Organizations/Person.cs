using Briefings.Core.Common;

namespace Briefings.Core.Organizations;

/// <summary>A person in the directory. <see cref="UnitId"/> is the home unit that owns the record
/// (and decides who may see and change it); <see cref="Positions"/> are the posts held, possibly in
/// several units ("UVTV, Trưởng Ban Dân vận").</summary>
public sealed class Person
{
    private readonly List<Position> positions = [];

    private Person()
    {
    }

    public Guid Id { get; private set; }
    public required string FullName { get; set; }
    public Guid UnitId { get; private set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset? RetiredAt { get; private set; }
    public string SearchText { get; private set; } = "";
    public int Version { get; private set; }
    public IReadOnlyList<Position> Positions => positions;
    public bool IsRetired => RetiredAt is not null;

    /// <summary>The first position is the main one: it is what the directory shows next to the name.</summary>
    public string MainTitle => positions.OrderBy(p => p.SortOrder).FirstOrDefault()?.Title ?? "";

    public static Person Create(Guid id, string fullName, Unit unit)
    {
        var person = new Person { Id = id, FullName = fullName.Trim(), UnitId = unit.Id };
        person.Touch();
        return person;
    }

    public void MoveTo(Unit unit)
    {
        UnitId = unit.Id;
        Touch();
    }

    public void SetPositions(IEnumerable<(Guid UnitId, string Title)> posts)
    {
        var wanted = posts.Select(p => (p.UnitId, Title: p.Title.Trim())).ToList();
        if (wanted.SequenceEqual(positions.OrderBy(p => p.SortOrder).Select(p => (p.UnitId, p.Title))))
        {
            return;
        }

        positions.Clear();
        var order = 0;
        foreach (var (unitId, title) in wanted)
        {
            positions.Add(new Position { UnitId = unitId, Title = title, SortOrder = order++ });
        }

        Touch();
    }

    public Error? Retire(DateTimeOffset at)
    {
        if (IsRetired)
        {
            return new Error("Người này đã được đánh dấu nghỉ từ trước.");
        }

        RetiredAt = at;
        Touch();
        return null;
    }

    public void Reinstate()
    {
        RetiredAt = null;
        Touch();
    }

    public void Touch()
    {
        SearchText = TextFolding.Fold($"{FullName} {string.Join(' ', positions.Select(p => p.Title))}");
        Version++;
    }
}

/// <summary>A post held by a person in a unit: "Bí thư", "Phó Bí thư Thường trực", "Chuyên viên".</summary>
public sealed class Position
{
    public Guid UnitId { get; set; }
    public required string Title { get; set; }
    public int SortOrder { get; set; }
}
