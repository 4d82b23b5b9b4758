using Briefings.Core.Organizations;

namespace Briefings.Core.Tests.Organizations;

public sealed class SigningFormsTests
{
    [Theory]
    [InlineData(UnitKind.PartyCommittee, "Bí thư Huyện ủy", "T/M BAN THƯỜNG VỤ", "BÍ THƯ")]
    [InlineData(UnitKind.PartyCommittee, "Phó Bí thư Thường trực Huyện ủy", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")]
    [InlineData(UnitKind.Office, "Chánh Văn phòng Huyện ủy", "T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG")]
    [InlineData(UnitKind.PartyBoard, "Trưởng Ban Dân vận Huyện ủy", "", "TRƯỞNG BAN")]
    [InlineData(UnitKind.PartyBoard, "Phó Trưởng Ban Dân vận Huyện ủy", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")]
    [InlineData(UnitKind.PartyBoard, null, "", "TRƯỞNG BAN")]
    public void For_IssuerKindAndSignerTitle_FormOfTheRules(UnitKind kind, string? title, string form, string position)
    {
        var signing = SigningForms.For(kind, title);

        Assert.Equal(new SigningForm(form, position), signing);
    }

    [Fact]
    public void For_AnyBan_NeverSignsOnBehalf()
    {
        Assert.All(new[] { "Trưởng Ban", "Phó Trưởng Ban", "Ủy viên", "" }, title =>
            Assert.DoesNotContain("T/M", SigningForms.For(UnitKind.PartyBoard, title).Form, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(UnitKind.PartyBoard, "T/M BAN DÂN VẬN HUYỆN ỦY", true)]
    [InlineData(UnitKind.PartyBoard, "K/T TRƯỞNG BAN", false)]
    [InlineData(UnitKind.Office, "T/M BAN THƯỜNG VỤ", true)]
    [InlineData(UnitKind.Office, "T/L BAN THƯỜNG VỤ", false)]
    [InlineData(UnitKind.PartyCommittee, "T/M BAN THƯỜNG VỤ", false)]
    public void Problem_FormAgainstIssuerKind_RefusesOnlyWrongForms(UnitKind kind, string form, bool refused)
    {
        Assert.Equal(refused, SigningForms.Problem(kind, form) is not null);
    }
}
