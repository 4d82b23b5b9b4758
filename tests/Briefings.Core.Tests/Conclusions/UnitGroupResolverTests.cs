using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;

namespace Briefings.Core.Tests.Conclusions;

/// <summary>Group phrases of "Nơi nhận" lines and collective directives resolved against a small directory: a
/// district (level "Huyện") with its committee, boards, departments, Front and organizations, and three communes
/// (level "Xã") each with its party committee, people's committee, Front and organizations, one hamlet below.</summary>
public sealed class UnitGroupResolverTests
{
    private readonly List<DirectoryUnit> units = [];
    private readonly DirectoryUnit district;
    private readonly DirectoryUnit committee;
    private readonly string[] communes = ["An Lạc", "Bình Đông", "Phú Mỹ"];

    public UnitGroupResolverTests()
    {
        var province = Add("Tỉnh Long Giang", "Long Giang", UnitKind.Area, null, "Tỉnh");
        Add("Tỉnh ủy Long Giang", "Tỉnh ủy", UnitKind.PartyCommittee, province);
        district = Add("Huyện Tân Phong", "Tân Phong", UnitKind.Area, province, "Huyện");
        committee = Add("Huyện ủy Tân Phong", "Huyện ủy", UnitKind.PartyCommittee, district);
        Add("Ban Tổ chức Huyện ủy", "BTCHU", UnitKind.PartyBoard, committee);
        Add("Ban Dân vận Huyện ủy", "BDVHU", UnitKind.PartyBoard, committee);
        Add("Văn phòng Huyện ủy", "VPHU", UnitKind.Office, committee);
        var people = Add("Ủy ban nhân dân huyện Tân Phong", "UBND huyện", UnitKind.PeoplesCommittee, district);
        Add("Phòng Tài chính - Kế hoạch huyện", "Phòng TC-KH", UnitKind.Department, people);
        Add("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong", "UBMTTQ huyện", UnitKind.FatherlandFront, district);
        Add("Hội Nông dân huyện Tân Phong", "Hội ND huyện", UnitKind.Organization, district);
        Add("Hội Liên hiệp Phụ nữ huyện Tân Phong", "Hội LHPN huyện", UnitKind.Organization, district);
        Add("Liên đoàn Lao động huyện Tân Phong", "LĐLĐ huyện", UnitKind.Organization, district);
        foreach (var name in communes)
        {
            var commune = Add($"Xã {name}", name, UnitKind.Area, district, "Xã");
            Add($"Đảng ủy xã {name}", "Đảng ủy xã", UnitKind.PartyCommittee, commune);
            Add($"Ủy ban nhân dân xã {name}", "UBND xã", UnitKind.PeoplesCommittee, commune);
            Add($"Ủy ban MTTQ Việt Nam xã {name}", "UBMTTQ xã", UnitKind.FatherlandFront, commune);
            Add($"Hội Nông dân xã {name}", "Hội ND xã", UnitKind.Organization, commune);
            var hamlet = Add($"Ấp Một {name}", "Ấp Một", UnitKind.Area, commune, "Ấp");
            Add($"Chi hội Nông dân ấp Một {name}", "Chi hội ND", UnitKind.HamletBranch, hamlet);
        }
    }

    [Theory]
    [InlineData("- Đảng ủy, UBND các xã,", "Đảng ủy xã An Lạc|Ủy ban nhân dân xã An Lạc|Đảng ủy xã Bình Đông|Ủy ban nhân dân xã Bình Đông|Đảng ủy xã Phú Mỹ|Ủy ban nhân dân xã Phú Mỹ")]
    [InlineData("MTTQ và các đoàn thể chính trị - xã hội huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong|Hội Nông dân huyện Tân Phong|Hội Liên hiệp Phụ nữ huyện Tân Phong|Liên đoàn Lao động huyện Tân Phong")]
    [InlineData("- MTTQ, các đoàn thể CT-XH huyện,", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong|Hội Nông dân huyện Tân Phong|Hội Liên hiệp Phụ nữ huyện Tân Phong|Liên đoàn Lao động huyện Tân Phong")]
    [InlineData("- Các chi, đảng bộ cơ sở,", "Đảng ủy xã An Lạc|Đảng ủy xã Bình Đông|Đảng ủy xã Phú Mỹ")]
    [InlineData("Các ban xây dựng Đảng Huyện ủy", "Ban Tổ chức Huyện ủy|Ban Dân vận Huyện ủy")]
    [InlineData("Đảng ủy các xã", "Đảng ủy xã An Lạc|Đảng ủy xã Bình Đông|Đảng ủy xã Phú Mỹ")]
    [InlineData("UBND các xã", "Ủy ban nhân dân xã An Lạc|Ủy ban nhân dân xã Bình Đông|Ủy ban nhân dân xã Phú Mỹ")]
    [InlineData("các đoàn thể huyện", "Hội Nông dân huyện Tân Phong|Hội Liên hiệp Phụ nữ huyện Tân Phong|Liên đoàn Lao động huyện Tân Phong")]
    public void Resolve_GroupLine_UnitsOfTheGroup(string line, string expected)
    {
        var set = Resolver().Resolve(line);

        Assert.True(set.IsGroup);
        Assert.Equal(expected.Split('|'), Names(set));
    }

    [Theory]
    [InlineData("- Phòng TC-KH huyện,", "Phòng Tài chính - Kế hoạch huyện")]
    [InlineData("UBND huyện", "Ủy ban nhân dân huyện Tân Phong")]
    [InlineData("- Ban Dân vận Huyện ủy (để t/h),", "Ban Dân vận Huyện ủy")]
    [InlineData("LĐLĐ huyện", "Liên đoàn Lao động huyện Tân Phong")]
    public void Resolve_OneUnitWithAbbreviations_ThatUnit(string line, string expected)
    {
        var set = Resolver().Resolve(line);

        Assert.False(set.IsGroup);
        Assert.Equal([expected], Names(set));
    }

    [Theory]
    [InlineData("- Đăng Website Huyện ủy,")]
    [InlineData("- Lưu VPHU.")]
    [InlineData("- Các đồng chí Huyện ủy viên,")]
    public void Resolve_NoUnitOfTheDirectory_None(string line)
    {
        Assert.Empty(Resolver().Resolve(line).UnitIds);
    }

    [Fact]
    public void Resolve_LevelNamedByData_WardsWhenTheDirectoryHasWards()
    {
        var ward = Add("Phường Một", "Phường Một", UnitKind.Area, district, "Phường");
        Add("Đảng ủy phường Một", "Đảng ủy phường", UnitKind.PartyCommittee, ward);

        var set = Resolver().Resolve("Đảng ủy các phường");

        Assert.Equal(["Đảng ủy phường Một"], Names(set));
    }

    [Fact]
    public void Resolve_RetiredUnit_LeftOut()
    {
        var index = units.FindIndex(u => u.Name == "Đảng ủy xã Phú Mỹ");
        units[index] = units[index] with { IsRetired = true };

        Assert.Equal(["Đảng ủy xã An Lạc", "Đảng ủy xã Bình Đông"], Names(Resolver().Resolve("Đảng ủy các xã")));
    }

    private UnitGroupResolver Resolver() => new(units, committee.Id);

    private List<string> Names(UnitSet set) => [.. set.UnitIds.Select(id => units.Single(u => u.Id == id).Name)];

    private DirectoryUnit Add(string name, string shortName, UnitKind kind, DirectoryUnit? parent, string? level = null)
    {
        var unit = new DirectoryUnit(Guid.NewGuid(), parent?.Id, name, shortName, kind, level, false);
        units.Add(unit);
        return unit;
    }
}
