using System.Globalization;
using Briefings.Core.Organizations;

namespace Briefings.Bench;

/// <summary>
/// A generated province, deterministic for a given seed: 1 province with its bodies → 25 districts, each with
/// its party committee, people's committee, Front and organizations → 20 communes per district, each with its
/// bodies (Đảng ủy xã, UBND xã, Mặt trận, Hội Nông dân, Hội LHPN, Đoàn, Hội CCB) → hamlets (ấp) with a
/// farmers' branch, added round-robin over the communes until exactly the requested number of units exist.
/// People are spread over the units (bodies get more than areas), each with one position. Names are
/// invented but realistic: Vietnamese with diacritics, family names weighted like the real distribution.
/// Codes are unique: a kind prefix and a serial number ("XA-4711").
/// </summary>
internal sealed class DirectoryGenerator
{
    public const int Districts = 25;
    public const int CommunesPerDistrict = 20;

    internal static readonly string[] PlaceFirst =
        ["An", "Bình", "Phú", "Tân", "Mỹ", "Long", "Vĩnh", "Hòa", "Thạnh", "Đông", "Phước", "Tây", "Hưng", "Thới", "Nhơn", "Lợi", "Thuận", "Khánh", "Định", "Trường"];

    internal static readonly string[] PlaceSecond =
        ["Lạc", "Đông", "Mỹ", "Hưng", "Lợi", "Điền", "Thạnh", "Lộc", "Phước", "Hải", "Long", "Sơn", "Hòa", "Thuận", "Tây", "Trung", "Bắc", "Nam", "Phú", "An", "Xuân", "Hiệp", "Quới", "Thành"];

    private static readonly (string Name, int Weight)[] FamilyNames =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Huỳnh", 50), ("Hoàng", 20), ("Phan", 45), ("Võ", 40), ("Vũ", 15),
        ("Đặng", 20), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Trương", 10), ("Đoàn", 6),
        ("Châu", 4), ("Mai", 4), ("Tô", 3), ("Lâm", 5), ("Thái", 3), ("Cao", 4), ("Lương", 3),
    ];

    private static readonly int FamilyWeightTotal = FamilyNames.Sum(f => f.Weight);

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Hữu", "Minh", "Quốc", "Thanh", "Công", "Hoàng", "Đức", "Ngọc", "Tấn", "Thành"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thị Kim", "Ngọc", "Thị Mỹ", "Thanh", "Thị Thu", "Thị Ngọc", "Bích", "Thị Hồng"];

    private static readonly string[] MaleGiven =
        ["An", "Bình", "Cường", "Dũng", "Đông", "Giang", "Hải", "Hiếu", "Hòa", "Hùng", "Khoa", "Khang", "Lộc", "Long", "Minh", "Nam", "Nhân", "Phúc", "Phong", "Quang", "Sang", "Sơn", "Tâm", "Thắng", "Thuận", "Toàn", "Trí", "Tuấn", "Tùng", "Việt", "Vinh"];

    private static readonly string[] FemaleGiven =
        ["Anh", "Châu", "Diễm", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phượng", "Quyên", "Thảo", "Thu", "Thủy", "Trang", "Trinh", "Uyên", "Vân", "Xuân", "Yến"];

    private readonly Random rng;
    private readonly List<Unit> units = [];
    private readonly List<Person> people = [];
    private readonly Dictionary<Guid, string> levelOf = [];
    private readonly int unitCount;
    private readonly int peopleCount;
    private int serial;

    private DirectoryGenerator(int unitCount, int peopleCount, int seed)
    {
        this.unitCount = unitCount;
        this.peopleCount = peopleCount;
        rng = new Random(seed);
    }

    public IReadOnlyList<Unit> Units => units;
    public IReadOnlyList<Person> People => people;

    /// <summary>A commune area in the middle of the tree: the scope of a "commune clerk" in the benchmark.</summary>
    public Unit SampleCommune { get; private set; } = null!;

    /// <summary>A district area: the scope of a "district clerk".</summary>
    public Unit SampleDistrict { get; private set; } = null!;

    public static DirectoryGenerator Build(int unitCount, int peopleCount, int seed = 20261125)
    {
        var g = new DirectoryGenerator(unitCount, peopleCount, seed);
        g.BuildUnits();
        g.BuildPeople();
        return g;
    }

    private void BuildUnits()
    {
        var province = Add("T", "Tỉnh Long Giang", "Long Giang", UnitKind.Area, null, level: "Tỉnh");
        var tu = Add("TU", "Tỉnh ủy Long Giang", "Tỉnh ủy", UnitKind.PartyCommittee, province, symbol: "TU");
        Add("TU-VP", "Văn phòng Tỉnh ủy", "VPTU", UnitKind.Office, tu, symbol: "VPTU");
        Add("UBT", "Ủy ban nhân dân tỉnh Long Giang", "UBND tỉnh", UnitKind.PeoplesCommittee, province, symbol: "UBND");
        Add("MTT", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Long Giang", "UBMTTQ tỉnh", UnitKind.FatherlandFront, province);
        var provinceFarmers = Add("NDT", "Hội Nông dân tỉnh Long Giang", "Hội ND tỉnh", UnitKind.Organization, province);
        Add("PNT", "Hội Liên hiệp Phụ nữ tỉnh Long Giang", "Hội LHPN tỉnh", UnitKind.Organization, province);
        Add("DTNT", "Tỉnh đoàn Long Giang", "Tỉnh đoàn", UnitKind.Organization, province);

        var communes = new List<(Unit Area, string Name, Unit Farmers)>();
        var districtNames = DistinctPlaceNames(Districts);
        for (var d = 0; d < Districts; d++)
        {
            var dn = districtNames[d];
            var district = Add("H", $"Huyện {dn}", dn, UnitKind.Area, province, level: "Huyện");
            var hu = Add("HU", $"Huyện ủy {dn}", "Huyện ủy", UnitKind.PartyCommittee, district, symbol: "HU");
            Add("HU-VP", $"Văn phòng Huyện ủy {dn}", "VPHU", UnitKind.Office, hu, symbol: "VPHU");
            Add("HU-BTC", $"Ban Tổ chức Huyện ủy {dn}", "BTCHU", UnitKind.PartyBoard, hu, symbol: "BTCHU");
            Add("HU-BDV", $"Ban Dân vận Huyện ủy {dn}", "BDVHU", UnitKind.PartyBoard, hu, symbol: "BDVHU");
            Add("UBH", $"Ủy ban nhân dân huyện {dn}", "UBND huyện", UnitKind.PeoplesCommittee, district, symbol: "UBND");
            Add("MTH", $"Ủy ban Mặt trận Tổ quốc Việt Nam huyện {dn}", "UBMTTQ huyện", UnitKind.FatherlandFront, district);
            var farmers = Add("NDH", $"Hội Nông dân huyện {dn}", "Hội ND huyện", UnitKind.Organization, district);
            farmers.VerticalParentId = provinceFarmers.Id;
            Add("PNH", $"Hội Liên hiệp Phụ nữ huyện {dn}", "Hội LHPN huyện", UnitKind.Organization, district);
            Add("DTNH", $"Huyện đoàn {dn}", "Huyện đoàn", UnitKind.Organization, district);
            Add("CCBH", $"Hội Cựu chiến binh huyện {dn}", "Hội CCB huyện", UnitKind.Organization, district);
            if (d == Districts / 2)
            {
                SampleDistrict = district;
            }

            var communeNames = DistinctPlaceNames(CommunesPerDistrict);
            for (var c = 0; c < CommunesPerDistrict; c++)
            {
                var cn = communeNames[c];
                var commune = Add("XA", $"Xã {cn}", cn, UnitKind.Area, district, level: "Xã");
                Add("DU", $"Đảng ủy xã {cn}", "Đảng ủy xã", UnitKind.PartyCommittee, commune, symbol: "ĐU");
                Add("UBX", $"Ủy ban nhân dân xã {cn}", "UBND xã", UnitKind.PeoplesCommittee, commune, symbol: "UBND");
                Add("MTX", $"Ủy ban Mặt trận Tổ quốc Việt Nam xã {cn}", "UBMTTQ xã", UnitKind.FatherlandFront, commune);
                var communeFarmers = Add("NDX", $"Hội Nông dân xã {cn}", "Hội ND xã", UnitKind.Organization, commune);
                communeFarmers.VerticalParentId = farmers.Id;
                Add("PNX", $"Hội Liên hiệp Phụ nữ xã {cn}", "Hội LHPN xã", UnitKind.Organization, commune);
                Add("DTNX", $"Đoàn Thanh niên xã {cn}", "Xã đoàn", UnitKind.Organization, commune);
                Add("CCBX", $"Hội Cựu chiến binh xã {cn}", "Hội CCB xã", UnitKind.Organization, commune);
                communes.Add((commune, cn, communeFarmers));
                if (d == Districts / 2 && c == CommunesPerDistrict / 2)
                {
                    SampleCommune = commune;
                }
            }
        }

        if (units.Count > unitCount)
        {
            throw new InvalidOperationException($"The fixed part of the tree has {units.Count} units, more than the {unitCount} asked for.");
        }

        // Hamlets and their farmers' branches, round-robin over the communes until the count is reached.
        var hamletNames = communes.Select(_ => new Queue<string>(DistinctPlaceNames(12))).ToList();
        for (var round = 0; units.Count < unitCount; round++)
        {
            for (var i = 0; i < communes.Count && units.Count < unitCount; i++)
            {
                var (area, cn, farmers) = communes[i];
                var hn = round % 3 == 2 || hamletNames[i].Count == 0 ? (round + 1).ToString(CultureInfo.InvariantCulture) : hamletNames[i].Dequeue();
                var hamlet = Add("AP", $"Ấp {hn}, xã {cn}", $"Ấp {hn}", UnitKind.Area, area, level: "Ấp");
                if (units.Count < unitCount)
                {
                    var branch = Add("CHND", $"Chi hội Nông dân ấp {hn}, xã {cn}", $"Chi hội ND ấp {hn}", UnitKind.HamletBranch, hamlet);
                    branch.VerticalParentId = farmers.Id;
                }
            }
        }

        // Version and SearchText after Level/DocumentSymbol/VerticalParentId were set.
        foreach (var unit in units)
        {
            unit.Touch();
        }
    }

    private void BuildPeople()
    {
        // Bodies have more people than areas; hamlet branches a few. Scaled to exactly peopleCount.
        var weights = units.Select(u => u.Kind switch
        {
            UnitKind.Area => 3.0,
            UnitKind.HamletBranch => 6.0,
            _ => 16.0,
        }).ToArray();
        var total = weights.Sum();
        var counts = weights.Select(w => (int)(w * peopleCount / total)).ToArray();
        for (var i = 0; counts.Sum() < peopleCount; i = (i + 1) % counts.Length)
        {
            counts[i]++;
        }

        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            for (var i = 0; i < counts[u]; i++)
            {
                var person = Person.Create(NextGuid(), PersonName(), unit);
                person.SetPositions([(unit.Id, Title(unit, i))]);
                people.Add(person);
            }
        }
    }

    private Unit Add(string prefix, string name, string shortName, UnitKind kind, Unit? parent, string? level = null, string? symbol = null)
    {
        serial++;
        var unit = Unit.Create(NextGuid(), string.Create(CultureInfo.InvariantCulture, $"{prefix}-{serial}"), name, shortName, kind, parent);
        unit.Level = level;
        unit.DocumentSymbol = symbol;
        unit.SortOrder = serial;
        levelOf[unit.Id] = level ?? (parent is null ? "" : levelOf[parent.Id]);
        units.Add(unit);
        return unit;
    }

    private string Title(Unit unit, int index)
    {
        var level = levelOf[unit.Id].ToLowerInvariant();
        var (head, deputy, members) = unit.Kind switch
        {
            UnitKind.PartyCommittee => ($"Bí thư {unit.Name}", $"Phó Bí thư {unit.Name}", new[] { "Ủy viên Ban Thường vụ", "Ủy viên Ban Chấp hành", "Chuyên viên" }),
            UnitKind.StandingBoard => ("Bí thư", "Phó Bí thư", new[] { "Ủy viên Ban Thường vụ" }),
            UnitKind.PartyBoard => ($"Trưởng {unit.ShortName}", $"Phó Trưởng {unit.ShortName}", new[] { "Chuyên viên", "Cán sự" }),
            UnitKind.Office => ("Chánh Văn phòng", "Phó Chánh Văn phòng", new[] { "Chuyên viên", "Văn thư", "Kế toán" }),
            UnitKind.PeoplesCommittee => ($"Chủ tịch UBND {level}", $"Phó Chủ tịch UBND {level}", new[] { "Công chức Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Xây dựng", "Công chức Tài chính - Kế toán", "Công chức Văn hóa - Xã hội" }),
            UnitKind.FatherlandFront => ("Chủ tịch Ủy ban MTTQ Việt Nam", "Phó Chủ tịch Ủy ban MTTQ Việt Nam", new[] { "Ủy viên Ban Thường trực", "Cán bộ chuyên trách" }),
            UnitKind.Organization => OrganizationTitles(unit, level),
            UnitKind.HamletBranch => ("Chi hội trưởng Chi hội Nông dân", "Chi hội phó Chi hội Nông dân", new[] { "Tổ trưởng tổ hội", "Hội viên" }),
            UnitKind.Area when level == "ấp" => ("Trưởng ấp", "Phó Trưởng ấp", new[] { "Bí thư Chi bộ ấp", "Tổ trưởng tổ nhân dân", "Công an viên" }),
            _ => ("Trưởng đơn vị", "Phó Trưởng đơn vị", new[] { "Cán bộ", "Chuyên viên" }),
        };
        return index switch
        {
            0 => head,
            1 or 2 => deputy,
            _ => members[(index - 3) % members.Length],
        };
    }

    private static (string Head, string Deputy, string[] Members) OrganizationTitles(Unit unit, string level)
    {
        var org = unit.Name.StartsWith("Hội Nông dân", StringComparison.Ordinal) ? "Hội Nông dân"
            : unit.Name.StartsWith("Hội Liên hiệp Phụ nữ", StringComparison.Ordinal) ? "Hội Liên hiệp Phụ nữ"
            : unit.Name.StartsWith("Hội Cựu chiến binh", StringComparison.Ordinal) ? "Hội Cựu chiến binh"
            : null;
        return org is null
            ? ($"Bí thư Đoàn {level}", $"Phó Bí thư Đoàn {level}", ["Ủy viên Ban Chấp hành Đoàn", "Cán bộ chuyên trách"])
            : ($"Chủ tịch {org} {level}", $"Phó Chủ tịch {org} {level}", ["Ủy viên Ban Chấp hành", "Cán bộ chuyên trách", "Ủy viên Ban Thường vụ"]);
    }

    private string PersonName() => PersonName(rng);

    /// <summary>A realistic Vietnamese full name (family name weighted like the real distribution); shared with
    /// <see cref="MeetingDistrictGenerator"/>.</summary>
    internal static string PersonName(Random rng)
    {
        var pick = rng.Next(FamilyWeightTotal);
        var family = FamilyNames[^1].Name;
        foreach (var (name, weight) in FamilyNames)
        {
            if (pick < weight)
            {
                family = name;
                break;
            }

            pick -= weight;
        }

        return rng.Next(2) == 0
            ? $"{family} {MaleMiddle[rng.Next(MaleMiddle.Length)]} {MaleGiven[rng.Next(MaleGiven.Length)]}"
            : $"{family} {FemaleMiddle[rng.Next(FemaleMiddle.Length)]} {FemaleGiven[rng.Next(FemaleGiven.Length)]}";
    }

    private List<string> DistinctPlaceNames(int count)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            var first = PlaceFirst[rng.Next(PlaceFirst.Length)];
            var second = PlaceSecond[rng.Next(PlaceSecond.Length)];
            if (first != second)
            {
                names.Add($"{first} {second}");
            }
        }

        return [.. names];
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, deterministic content
        return new Guid(bytes);
    }
}
