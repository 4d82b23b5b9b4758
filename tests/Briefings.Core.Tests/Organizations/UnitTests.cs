using Briefings.Core.Organizations;

namespace Briefings.Core.Tests.Organizations;

public sealed class UnitTests
{
    private static Unit New(string code, Unit? parent, UnitKind kind = UnitKind.Area) => Unit.Create(Guid.NewGuid(), code, code, code, kind, parent);

    [Fact]
    public void Create_UnderParent_PathExtendsParentPath()
    {
        var province = New("T", null);
        var district = New("H", province);
        var commune = New("X", district);

        Assert.Equal(2, commune.Depth);
        Assert.StartsWith(district.Path, commune.Path, StringComparison.Ordinal);
        Assert.Equal([province.Id, district.Id], commune.AncestorIds());
    }

    [Fact]
    public void MoveTo_OwnDescendant_RefusedAndUnchanged()
    {
        var district = New("H", null);
        var commune = New("X", district);
        var path = district.Path;

        var error = district.MoveTo(commune);

        Assert.NotNull(error);
        Assert.Equal(path, district.Path);
    }

    [Fact]
    public void MoveTo_RetiredParent_Refused()
    {
        var a = New("A", null);
        var b = New("B", null);
        b.Retire(DateTimeOffset.UnixEpoch);

        Assert.NotNull(a.MoveTo(b));
    }

    [Fact]
    public void RebaseDescendant_AfterMove_PathAndDepthFollow()
    {
        var t = New("T", null);
        var h1 = New("H1", t);
        var h2 = New("H2", t);
        var x = New("X", h1);
        var hamlet = New("A", x);
        var oldPath = x.Path;

        x.MoveTo(h2);
        hamlet.RebaseDescendant(oldPath, x.Path, 0);

        Assert.StartsWith(h2.Path, hamlet.Path, StringComparison.Ordinal);
        Assert.Equal(3, hamlet.Depth);
    }

    [Fact]
    public void Retire_Twice_SecondRefused()
    {
        var u = New("U", null);

        Assert.Null(u.Retire(DateTimeOffset.UnixEpoch));
        Assert.NotNull(u.Retire(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Touch_EditedName_SearchTextFoldedAndVersionBumped()
    {
        var u = New("X-01-ND", null, UnitKind.Organization);
        var version = u.Version;

        u.Name = "Hội Nông dân xã Đông Hải";
        u.Touch();

        Assert.Contains("hoi nong dan xa dong hai", u.SearchText, StringComparison.Ordinal);
        Assert.Equal(version + 1, u.Version);
    }

    [Theory]
    [InlineData("Hội, đoàn thể", null)]
    [InlineData("Đoàn thể chính trị - xã hội", UnitKind.Organization)]
    [InlineData("doan the chinh tri - xa hoi", UnitKind.Organization)]
    [InlineData("Chi hội ấp", UnitKind.HamletBranch)]
    [InlineData("SteeringBoard", UnitKind.SteeringBoard)]
    [InlineData("", null)]
    public void Parse_KindText_MatchesDisplayNameOrIdentifier(string text, UnitKind? expected) =>
        Assert.Equal(expected, UnitKinds.Parse(text));
}
