using System.Globalization;
using Briefings.Core.Organizations;

namespace Briefings.Bench;

/// <summary>
/// The body of the "Meetings" benchmark: one district (Huyện Tân Phong) with its bodies and 100 communes, each
/// with its bodies, organizations and 3 hamlets of 4 hamlet branches. Every unit also holds people the reference
/// composition must skip (members, clerks, the people's committee of a commune, hamlet heads), so the rules
/// have work to do. Deterministic for a seed; names are Vietnamese with diacritics.
/// </summary>
internal sealed class MeetingDistrictGenerator
{
    public const string CodePrefix = "TP-";
    public const string DistrictName = "Huyện Tân Phong";

    private static readonly string[] HamletSuffix = ["1", "2", "3"];

    private readonly Random rng;
    private readonly List<Unit> units = [];
    private readonly List<Person> people = [];
    private int serial;

    private MeetingDistrictGenerator(int seed) => rng = new Random(seed);

    public IReadOnlyList<Unit> Units => units;
    public IReadOnlyList<Person> People => people;
    public Unit District { get; private set; } = null!;
    public Unit PartyCommittee { get; private set; } = null!;
    public int Communes { get; private set; }

    /// <summary>Builds the district under <paramref name="province"/> (null: the district's own province is created
    /// as well, as the root).</summary>
    public static MeetingDistrictGenerator Build(Unit? province, int communes = 100, int seed = 20270101)
    {
        var g = new MeetingDistrictGenerator(seed);
        g.BuildUnits(province, communes);
        foreach (var unit in g.units)
        {
            unit.Touch();
        }

        return g;
    }

    private void BuildUnits(Unit? province, int communeCount)
    {
        province ??= Add("T", "Tỉnh Long Giang", "Long Giang", UnitKind.Area, null, level: "Tỉnh");
        var d = Add("H", DistrictName, "Tân Phong", UnitKind.Area, province, level: "Huyện");
        District = d;

        // --- district bodies (the host endpoint) ---
        var hu = Add("HU", "Huyện ủy Tân Phong", "Huyện ủy", UnitKind.PartyCommittee, d, symbol: "HU");
        PartyCommittee = hu;
        Staff(hu, "Bí thư Huyện ủy", "Phó Bí thư Thường trực Huyện ủy", "Phó Bí thư Huyện ủy",
            "Ủy viên Ban Thường vụ Huyện ủy", "Ủy viên Ban Thường vụ Huyện ủy", "Ủy viên Ban Chấp hành Đảng bộ huyện", "Ủy viên Ban Chấp hành Đảng bộ huyện");
        var ub = Add("UBH", "Ủy ban nhân dân huyện Tân Phong", "UBND huyện", UnitKind.PeoplesCommittee, d, symbol: "UBND");
        Staff(ub, "Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện", "Ủy viên UBND huyện", "Ủy viên UBND huyện");
        foreach (var (code, name, shortName, head, deputy) in new[]
        {
            ("BTC", "Ban Tổ chức Huyện ủy Tân Phong", "Ban Tổ chức", "Trưởng ban Tổ chức Huyện ủy", "Phó Trưởng ban Tổ chức Huyện ủy"),
            ("BTG", "Ban Tuyên giáo Huyện ủy Tân Phong", "Ban Tuyên giáo", "Trưởng ban Tuyên giáo Huyện ủy", "Phó Trưởng ban Tuyên giáo Huyện ủy"),
            ("BDV", "Ban Dân vận Huyện ủy Tân Phong", "Ban Dân vận", "Trưởng ban Dân vận Huyện ủy", "Phó Trưởng ban Dân vận Huyện ủy"),
            ("UBKT", "Ủy ban Kiểm tra Huyện ủy Tân Phong", "UBKT Huyện ủy", "Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", "Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy"),
        })
        {
            var board = Add(code, name, shortName, UnitKind.PartyBoard, hu, symbol: code + "HU");
            Staff(board, head, deputy, "Chuyên viên", "Chuyên viên", "Cán sự");
        }

        var vp = Add("VPHU", "Văn phòng Huyện ủy Tân Phong", "VPHU", UnitKind.Office, hu, symbol: "VPHU");
        Staff(vp, "Chánh Văn phòng Huyện ủy", "Phó Chánh Văn phòng Huyện ủy", "Văn thư", "Kế toán", "Lái xe");
        var tckh = Add("TCKH", "Phòng Tài chính - Kế hoạch huyện Tân Phong", "Phòng TC-KH", UnitKind.Department, ub);
        Staff(tckh, "Trưởng phòng Tài chính - Kế hoạch", "Phó Trưởng phòng Tài chính - Kế hoạch", "Chuyên viên", "Chuyên viên");
        var nv = Add("PNV", "Phòng Nội vụ huyện Tân Phong", "Phòng Nội vụ", UnitKind.Department, ub);
        Staff(nv, "Trưởng phòng Nội vụ", "Phó Trưởng phòng Nội vụ", "Chuyên viên");
        var mt = Add("MTH", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong", "UBMTTQ huyện", UnitKind.FatherlandFront, d);
        Staff(mt, "Chủ tịch Ủy ban MTTQ Việt Nam huyện", "Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện", "Ủy viên Ban Thường trực", "Cán bộ chuyên trách");
        foreach (var (code, name, shortName, head, deputy) in new[]
        {
            ("NDH", "Hội Nông dân huyện Tân Phong", "Hội ND huyện", "Chủ tịch Hội Nông dân huyện", "Phó Chủ tịch Hội Nông dân huyện"),
            ("PNH", "Hội Liên hiệp Phụ nữ huyện Tân Phong", "Hội LHPN huyện", "Chủ tịch Hội Liên hiệp Phụ nữ huyện", "Phó Chủ tịch Hội Liên hiệp Phụ nữ huyện"),
            ("CCBH", "Hội Cựu chiến binh huyện Tân Phong", "Hội CCB huyện", "Chủ tịch Hội Cựu chiến binh huyện", "Phó Chủ tịch Hội Cựu chiến binh huyện"),
            ("LDLD", "Liên đoàn Lao động huyện Tân Phong", "LĐLĐ huyện", "Chủ tịch Liên đoàn Lao động huyện", "Phó Chủ tịch Liên đoàn Lao động huyện"),
            ("HDH", "Huyện đoàn Tân Phong", "Huyện đoàn", "Bí thư Huyện đoàn", "Phó Bí thư Huyện đoàn"),
        })
        {
            var org = Add(code, name, shortName, UnitKind.Organization, d);
            Staff(org, head, deputy, "Ủy viên Ban Thường vụ", "Cán bộ chuyên trách");
        }

        // --- communes (one endpoint each) ---
        var names = CommuneNames(communeCount);
        foreach (var cn in names)
        {
            var x = Add("XA", $"Xã {cn}", cn, UnitKind.Area, d, level: "Xã");
            var du = Add("DU", $"Đảng ủy xã {cn}", "Đảng ủy xã", UnitKind.PartyCommittee, x, symbol: "ĐU");
            Staff(du, $"Bí thư Đảng ủy xã {cn}", $"Phó Bí thư Thường trực Đảng ủy xã {cn}", "Chuyên viên Văn phòng Đảng ủy", "Ủy viên Ban Thường vụ Đảng ủy xã");
            var ubx = Add("UBX", $"Ủy ban nhân dân xã {cn}", "UBND xã", UnitKind.PeoplesCommittee, x, symbol: "UBND");
            Staff(ubx, "Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Công chức Văn phòng - Thống kê");
            var mtx = Add("MTX", $"Ủy ban Mặt trận Tổ quốc Việt Nam xã {cn}", "UBMTTQ xã", UnitKind.FatherlandFront, x);
            Staff(mtx, "Chủ tịch Ủy ban MTTQ Việt Nam xã", "Phó Chủ tịch Ủy ban MTTQ Việt Nam xã");
            foreach (var (code, org, head) in new[]
            {
                ("NDX", "Hội Nông dân", "Chủ tịch Hội Nông dân xã"),
                ("PNX", "Hội Liên hiệp Phụ nữ", "Chủ tịch Hội Liên hiệp Phụ nữ xã"),
                ("CCBX", "Hội Cựu chiến binh", "Chủ tịch Hội Cựu chiến binh xã"),
                ("NCTX", "Hội Người cao tuổi", "Chủ tịch Hội Người cao tuổi xã"),
                ("DTNX", "Đoàn Thanh niên", "Bí thư Đoàn xã"),
            })
            {
                var unit = Add(code, $"{org} xã {cn}", $"{org} xã", UnitKind.Organization, x);
                Staff(unit, head, "Ủy viên Ban Chấp hành");
            }

            foreach (var h in HamletSuffix)
            {
                var ap = Add("AP", $"Ấp {cn} {h}, xã {cn}", $"Ấp {cn} {h}", UnitKind.Area, x, level: "Ấp");
                Staff(ap, $"Trưởng ấp {cn} {h}");
                foreach (var (code, branch, head) in new[]
                {
                    ("CHND", "Chi hội Nông dân", "Chi hội trưởng Chi hội Nông dân"),
                    ("CHPN", "Chi hội Phụ nữ", "Chi hội trưởng Chi hội Phụ nữ"),
                    ("CHCCB", "Chi hội Cựu chiến binh", "Chi hội trưởng Chi hội Cựu chiến binh"),
                    ("CD", "Chi đoàn", "Bí thư Chi đoàn"),
                })
                {
                    var unit = Add(code, $"{branch} ấp {cn} {h}, xã {cn}", $"{branch} ấp {h}", UnitKind.HamletBranch, ap);
                    Staff(unit, $"{head} ấp {cn} {h}");
                }
            }

            Communes++;
        }
    }

    /// <summary>One person per title, each holding that single position in <paramref name="unit"/>.</summary>
    private void Staff(Unit unit, params string[] titles)
    {
        foreach (var title in titles)
        {
            var person = Person.Create(NextGuid(), DirectoryGenerator.PersonName(rng), unit);
            person.SetPositions([(unit.Id, title)]);
            people.Add(person);
        }
    }

    private List<string> CommuneNames(int count)
    {
        var names = new List<string>(count);
        foreach (var first in DirectoryGenerator.PlaceFirst)
        {
            foreach (var second in DirectoryGenerator.PlaceSecond)
            {
                if (first != second)
                {
                    names.Add($"{first} {second}");
                }
            }
        }

        // A deterministic shuffle, then the first count.
        for (var i = names.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (names[i], names[j]) = (names[j], names[i]);
        }

        // Past the pool of place names (about 450), the same names again with a number, as real communes share names.
        var pool = names.Count;
        for (var i = pool; i < count; i++)
        {
            names.Add(string.Create(CultureInfo.InvariantCulture, $"{names[i % pool]} {(i / pool) + 1}"));
        }

        return names.Take(count).ToList();
    }

    private Unit Add(string prefix, string name, string shortName, UnitKind kind, Unit? parent, string? level = null, string? symbol = null)
    {
        serial++;
        var unit = Unit.Create(NextGuid(), string.Create(CultureInfo.InvariantCulture, $"{CodePrefix}{prefix}-{serial}"), name, shortName, kind, parent);
        unit.Level = level;
        unit.DocumentSymbol = symbol;
        unit.SortOrder = serial;
        units.Add(unit);
        return unit;
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        return new Guid(bytes);
    }
}
