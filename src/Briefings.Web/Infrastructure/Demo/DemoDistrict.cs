using Briefings.Core.Organizations;

namespace Briefings.Web.Infrastructure.Demo;

/// <summary>
/// The fictional demo district, modelled on the reference conclusion: Tân Phong district of Long Giang
/// province, its party bodies, people's committee and departments, the Front and the five organizations,
/// twelve communes each with its bodies and three hamlets with their branches. All names are invented.
/// </summary>
public sealed class DemoDistrict
{
    public const string DistrictCode = "H-TP";
    public const string DistrictOfficeCode = "HU-TP-VP";
    public const string DistrictCommitteeCode = "HU-TP";
    public const string FrontCode = "MT-TP";

    private static readonly string[] CommuneNames =
        ["An Lạc", "Bình Đông", "Phú Mỹ", "Tân Hưng", "Mỹ Lợi", "Long Điền", "Vĩnh Thạnh", "Hòa Lộc", "Thạnh Phước", "Đông Hải", "Phước Long", "Tây Sơn"];

    private static readonly string[] HamletNames =
        ["Phú Lợi", "Bình An", "Tân Thành", "Hòa Thuận", "Long Hưng", "Mỹ Hòa", "Thới Bình", "An Khương", "Vĩnh Phú", "Đông Thạnh", "Rạch Gốc", "Cây Dương"];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Lý", "Châu", "Mai", "Tô"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoàng", "Quốc", "Thị Kim", "Hữu", "Thị Mỹ", "Công", "Bảo"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Đông", "Giang", "Hải", "Hạnh", "Hiếu", "Hòa", "Khoa", "Lan", "Linh", "Lộc", "Nga", "Nhân", "Phúc", "Quyên", "Sang", "Tâm", "Thảo", "Thuận", "Trinh", "Tuấn", "Uyên", "Vân", "Xuân", "Yến"];

    private readonly List<Unit> units = [];
    private readonly List<Person> people = [];
    private readonly Dictionary<string, Unit> byCode = [];
    private int nameSeed;

    public IReadOnlyList<Unit> Units => units;
    public IReadOnlyList<Person> People => people;
    public Unit this[string code] => byCode[code];

    /// <summary>The demo accounts: user name, role, unit code, linked person's name (if any), display name.</summary>
    public List<(string UserName, string Role, string UnitCode, string FullName, bool IncludeSubunits)> Accounts { get; } = [];

    public static DemoDistrict Build()
    {
        var d = new DemoDistrict();
        d.BuildAll();
        return d;
    }

    private void BuildAll()
    {
        var province = Add("T-LG", "Tỉnh Long Giang", "Long Giang", UnitKind.Area, null, level: "Tỉnh");
        var provincialCommittee = Add("TU-LG", "Tỉnh ủy Long Giang", "Tỉnh ủy", UnitKind.PartyCommittee, province, symbol: "TU");
        var district = Add(DistrictCode, "Huyện Tân Phong", "Tân Phong", UnitKind.Area, province, level: "Huyện");

        var hu = Add(DistrictCommitteeCode, "Huyện ủy Tân Phong", "Huyện ủy", UnitKind.PartyCommittee, district, symbol: "HU");
        var btv = Add("HU-TP-BTV", "Ban Thường vụ Huyện ủy", "BTV Huyện ủy", UnitKind.StandingBoard, hu);
        var btc = Add("HU-TP-BTC", "Ban Tổ chức Huyện ủy", "BTCHU", UnitKind.PartyBoard, hu, symbol: "BTCHU");
        var bdv = Add("HU-TP-BDV", "Ban Dân vận Huyện ủy", "BDVHU", UnitKind.PartyBoard, hu, symbol: "BDVHU");
        Add("HU-TP-BTG", "Ban Tuyên giáo Huyện ủy", "BTGHU", UnitKind.PartyBoard, hu, symbol: "BTGHU");
        Add("HU-TP-UBKT", "Ủy ban Kiểm tra Huyện ủy", "UBKTHU", UnitKind.PartyBoard, hu, symbol: "UBKTHU");
        var vp = Add(DistrictOfficeCode, "Văn phòng Huyện ủy", "VPHU", UnitKind.Office, hu, symbol: "VPHU");

        var ubnd = Add("UB-TP", "Ủy ban nhân dân huyện Tân Phong", "UBND huyện", UnitKind.PeoplesCommittee, district, symbol: "UBND");
        var tckh = Add("UB-TP-TCKH", "Phòng Tài chính - Kế hoạch huyện", "Phòng TC-KH", UnitKind.Department, ubnd);
        Add("UB-TP-GDDT", "Phòng Giáo dục và Đào tạo huyện", "Phòng GD-ĐT", UnitKind.Department, ubnd);
        var gdnn = Add("UB-TP-GDNN", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện", "Trung tâm GDNN-GDTX", UnitKind.Department, ubnd);
        var bcd = Add("TP-BCD-KTHT", "Ban chỉ đạo phát triển kinh tế hợp tác huyện", "BCĐ kinh tế hợp tác", UnitKind.SteeringBoard, district);

        // The Front issues its own papers ("Số: 03/KL-MTTQ-BTT", signed "TM. BAN THƯỜNG TRỰC / CHỦ TỊCH").
        var front = Add(FrontCode, "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong", "UBMTTQ huyện", UnitKind.FatherlandFront, district, symbol: "MTTQ-BTT");
        // The organizations issue their own papers, each as its central body writes them (IssuerLayouts): "Số
        // 01-KL/HND", "Số: 01/KL-HPN", "Số 01-KL/HĐTN", "Số: 01/KL-CCB".
        var farmers = Add("ND-TP", "Hội Nông dân huyện Tân Phong", "Hội ND huyện", UnitKind.Organization, district, symbol: "HND", type: OrganizationType.Farmers);
        var women = Add("PN-TP", "Hội Liên hiệp Phụ nữ huyện Tân Phong", "Hội LHPN huyện", UnitKind.Organization, district, symbol: "HPN", type: OrganizationType.WomenUnion);
        var youth = Add("DTN-TP", "Huyện đoàn Tân Phong", "Huyện đoàn", UnitKind.Organization, district, symbol: "HĐTN", type: OrganizationType.Youth);
        var veterans = Add("CCB-TP", "Hội Cựu chiến binh huyện Tân Phong", "Hội CCB huyện", UnitKind.Organization, district, symbol: "CCB", type: OrganizationType.Veterans);
        var labour = Add("LDLD-TP", "Liên đoàn Lao động huyện Tân Phong", "LĐLĐ huyện", UnitKind.Organization, district, symbol: "LĐLĐ", type: OrganizationType.Labour);

        Person("Trần Minh Khang", hu, ("Bí thư Huyện ủy", hu), ("Tỉnh ủy viên", provincialCommittee), ("Ủy viên Ban Thường vụ", btv));
        Person("Nguyễn Thị Thu Hà", hu, ("Phó Bí thư Thường trực Huyện ủy", hu), ("Ủy viên Ban Thường vụ", btv));
        Person("Lê Văn Đức", btc, ("Trưởng Ban Tổ chức Huyện ủy", btc), ("Ủy viên Ban Thường vụ", btv));
        Person("Phạm Quốc Bảo", bdv, ("Trưởng Ban Dân vận Huyện ủy", bdv), ("Ủy viên Ban Thường vụ", btv));
        Person("Đoàn Thị Ngọc Trâm", bdv, ("Phó Trưởng Ban Dân vận Huyện ủy", bdv));
        Person("Võ Thanh Tùng", ubnd, ("Phó Chủ tịch UBND huyện", ubnd), ("Ủy viên Ban Thường vụ", btv), ("Trưởng Ban chỉ đạo", bcd));
        Person("Huỳnh Ngọc Lan", vp, ("Chánh Văn phòng Huyện ủy", vp));
        Person("Đặng Thị Mai", vp, ("Chuyên viên Văn phòng Huyện ủy", vp));
        Person("Bùi Văn Nam", tckh, ("Trưởng phòng Tài chính - Kế hoạch", tckh));
        Person("Châu Thị Ngọc Bích", gdnn, ("Giám đốc Trung tâm GDNN-GDTX", gdnn));
        Person("Ngô Thị Hồng", front, ("Chủ tịch Ủy ban MTTQ huyện", front));
        Person("Phan Thị Diễm", front, ("Chuyên viên Ban Thường trực Ủy ban MTTQ huyện", front));
        Person("Dương Văn Lộc", farmers, ("Chủ tịch Hội Nông dân huyện", farmers));
        Person("Lý Thị Kim Yến", women, ("Chủ tịch Hội LHPN huyện", women));
        Person("Trịnh Thị Bảo Ngọc", women, ("Chuyên viên Văn phòng Hội LHPN huyện", women));
        Person("Hồ Minh Trí", youth, ("Bí thư Huyện đoàn", youth));
        Person("Tô Văn Sáu", veterans, ("Chủ tịch Hội Cựu chiến binh huyện", veterans));
        Person("Mai Văn Thành", labour, ("Chủ tịch Liên đoàn Lao động huyện", labour));

        for (var i = 0; i < CommuneNames.Length; i++)
        {
            BuildCommune(i, district, front, farmers, women, youth, veterans);
        }

        Accounts.Add(("admin", Roles.Admin, DistrictOfficeCode, "Quản trị hệ thống", false));
        Accounts.Add(("vanphong", Roles.Clerk, DistrictOfficeCode, "Đặng Thị Mai", false));
        Accounts.Add(("bithu", Roles.Leader, DistrictCommitteeCode, "Trần Minh Khang", false));
        Accounts.Add(("bandanvan", Roles.UnitStaff, "HU-TP-BDV", "Đoàn Thị Ngọc Trâm", false));
        // The Front's own office and chair: they oversee the Front, not the district (AccessScope).
        Accounts.Add(("mattran", Roles.Clerk, FrontCode, "Phan Thị Diễm", false));
        Accounts.Add(("chutich.mattran", Roles.Leader, FrontCode, "Ngô Thị Hồng", false));
        Accounts.Add(("mattran.anlac", Roles.UnitStaff, CommuneCode(0) + "-MT", "Ủy ban MTTQ Việt Nam xã An Lạc", false));
        // An organization's office (walk-orgs): plans the Women's Union's own briefing with its commune branches.
        Accounts.Add(("phunu", Roles.Clerk, "PN-TP", "Trịnh Thị Bảo Ngọc", false));
        // Its chair approves and signs its conclusion (walk-papers), as the Front's chair does.
        Accounts.Add(("chutich.phunu", Roles.Leader, "PN-TP", "Lý Thị Kim Yến", false));
        Accounts.Add(("xa.anlac", Roles.UnitStaff, CommuneCode(0), "Văn phòng Đảng ủy xã An Lạc", true));
        Accounts.Add(("xa.binhdong", Roles.UnitStaff, CommuneCode(1), "Văn phòng Đảng ủy xã Bình Đông", true));
        Accounts.Add(("kythuat.anlac", Roles.Technician, CommuneCode(0) + "-UB", "Kỹ thuật điểm cầu xã An Lạc", false));
    }

    public static string CommuneCode(int index) => $"X-{index + 1:00}";

    private void BuildCommune(int index, Unit district, Unit front, Unit farmers, Unit women, Unit youth, Unit veterans)
    {
        var name = CommuneNames[index];
        var code = CommuneCode(index);
        var commune = Add(code, $"Xã {name}", name, UnitKind.Area, district, level: "Xã");
        var du = Add(code + "-DU", $"Đảng ủy xã {name}", "Đảng ủy xã", UnitKind.PartyCommittee, commune, symbol: "ĐU");
        var ub = Add(code + "-UB", $"Ủy ban nhân dân xã {name}", "UBND xã", UnitKind.PeoplesCommittee, commune, symbol: "UBND");
        var mt = Add(code + "-MT", $"Ủy ban MTTQ Việt Nam xã {name}", "UBMTTQ xã", UnitKind.FatherlandFront, commune, vertical: front);
        var nd = Add(code + "-ND", $"Hội Nông dân xã {name}", "Hội ND xã", UnitKind.Organization, commune, symbol: "HND", vertical: farmers, type: OrganizationType.Farmers);
        var pn = Add(code + "-PN", $"Hội Liên hiệp Phụ nữ xã {name}", "Hội LHPN xã", UnitKind.Organization, commune, symbol: "HPN", vertical: women, type: OrganizationType.WomenUnion);
        var dtn = Add(code + "-DTN", $"Đoàn Thanh niên xã {name}", "Đoàn xã", UnitKind.Organization, commune, symbol: "ĐTN", vertical: youth, type: OrganizationType.Youth);
        var ccb = Add(code + "-CCB", $"Hội Cựu chiến binh xã {name}", "Hội CCB xã", UnitKind.Organization, commune, symbol: "CCB", vertical: veterans, type: OrganizationType.Veterans);

        Person(NextName(), du, ($"Bí thư Đảng ủy xã {name}", du));
        Person(NextName(), du, ($"Phó Bí thư Thường trực Đảng ủy xã {name}", du));
        Person(NextName(), ub, ($"Chủ tịch UBND xã {name}", ub));
        Person(NextName(), mt, ($"Chủ tịch Ủy ban MTTQ xã {name}", mt));
        Person(NextName(), mt, ($"Phó Chủ tịch Ủy ban MTTQ xã {name}", mt));
        Person(NextName(), nd, ($"Chủ tịch Hội Nông dân xã {name}", nd));
        Person(NextName(), pn, ($"Chủ tịch Hội LHPN xã {name}", pn));
        Person(NextName(), dtn, ($"Bí thư Đoàn xã {name}", dtn));
        Person(NextName(), ccb, ($"Chủ tịch Hội CCB xã {name}", ccb));

        for (var h = 0; h < 3; h++)
        {
            var hamletName = HamletNames[(index + h * 5) % HamletNames.Length];
            var hcode = $"{code}-A{h + 1}";
            var hamlet = Add(hcode, $"Ấp {hamletName}", $"Ấp {hamletName}", UnitKind.Area, commune, level: "Ấp");
            var branches = new (string Suffix, string Name, Unit Vertical, string Head)[]
            {
                ("MT", "Ban công tác Mặt trận", mt, "Trưởng Ban công tác Mặt trận"),
                ("ND", "Chi hội Nông dân", nd, "Chi hội trưởng Chi hội Nông dân"),
                ("PN", "Chi hội Phụ nữ", pn, "Chi hội trưởng Chi hội Phụ nữ"),
                ("DTN", "Chi đoàn", dtn, "Bí thư Chi đoàn"),
                ("CCB", "Chi hội Cựu chiến binh", ccb, "Chi hội trưởng Chi hội CCB"),
            };
            foreach (var b in branches)
            {
                var branch = Add($"{hcode}-{b.Suffix}", $"{b.Name} ấp {hamletName}", b.Name, UnitKind.HamletBranch, hamlet, vertical: b.Vertical);
                Person(NextName(), branch, ($"{b.Head} ấp {hamletName}", branch));
            }
        }
    }

    private Unit Add(string code, string name, string shortName, UnitKind kind, Unit? parent, string? level = null, string? symbol = null, Unit? vertical = null, OrganizationType type = OrganizationType.None)
    {
        var unit = Unit.Create(Guid.CreateVersion7(), code, name, shortName, kind, parent);
        unit.OrganizationType = type;
        unit.Level = level;
        unit.DocumentSymbol = symbol;
        unit.VerticalParentId = vertical?.Id;
        unit.SortOrder = units.Count;
        unit.Touch();
        units.Add(unit);
        byCode[code] = unit;
        return unit;
    }

    private void Person(string fullName, Unit home, params (string Title, Unit Unit)[] posts)
    {
        var person = Core.Organizations.Person.Create(Guid.CreateVersion7(), fullName, home);
        person.SetPositions(posts.Select(p => (p.Unit.Id, p.Title)));
        person.Phone = $"09{(people.Count * 7919) % 100_000_000:00000000}";

        // example.vn addresses: the demo never mails anyone real (development mail goes to a pickup folder).
        person.Email = $"canbo{people.Count + 1:000}@tanphong.example.vn";
        people.Add(person);
    }

    private string NextName()
    {
        var i = nameSeed++;
        return $"{FamilyNames[i % FamilyNames.Length]} {MiddleNames[(i / 3) % MiddleNames.Length]} {GivenNames[(i * 7) % GivenNames.Length]}";
    }
}
