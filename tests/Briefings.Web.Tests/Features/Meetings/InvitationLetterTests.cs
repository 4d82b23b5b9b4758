using System.Net;
using System.Text.RegularExpressions;
using Briefings.Web.Documents;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Tests.Documents;
using Briefings.Web.Tests.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>The printed giấy mời: from the one writer, numbered in the organizer's register as its own type, signed
/// in the Ban's own name, the invited named as the directory names them; the layout checks and the validator.</summary>
public sealed class InvitationLetterTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly InvitationLetterModel Model = new(
        IssuerName: "Ban Dân vận Huyện ủy",
        IssuerSuperior: "Huyện ủy Tân Phong",
        Number: "12-GM/BDVHU",
        IssuerSymbol: "BDVHU",
        Place: "Tân Phong",
        IssuedOn: new DateOnly(2027, 3, 1),
        Title: "Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội huyện quý I năm 2027",
        Invited: ["Đồng chí Trần Minh Khang, Bí thư Huyện ủy", "Tại 12 điểm cầu: Đảng ủy các xã, Ủy ban nhân dân các xã"],
        StartsLocal: new DateTime(2027, 3, 5, 8, 0, 0, DateTimeKind.Unspecified),
        EndsLocal: new DateTime(2027, 3, 5, 11, 0, 0, DateTimeKind.Unspecified),
        MeetingPlace: "Hội trường Huyện ủy Tân Phong",
        ModeText: "Tập trung và trực tuyến",
        Endpoints: ["Xã An Lạc", "Xã Bình Đông"],
        JoinLink: "https://hop.longgiang.example.vn/meetings/1",
        Chair: "Đồng chí Phạm Quốc Bảo, Trưởng Ban Dân vận Huyện ủy",
        Agenda: ["Đánh giá kết quả công tác dân vận quý I năm 2027", "Ý kiến của các đại biểu"],
        Contact: "Đồng chí Đoàn Thị Ngọc Trâm, Phó Trưởng Ban Dân vận Huyện ủy.",
        Signature: new PaperSignature("", "TRƯỞNG BAN", "Phạm Quốc Bảo"),
        ArchiveMark: "BDVHU");

    private PaperTemplate Party => app.Services.GetRequiredService<PaperTemplates>().Load(PaperTemplates.Party);

    [Fact]
    public void Render_FullModel_EveryPartValidAndInTheLayout()
    {
        var docx = InvitationLetter.Render(Model, Party);
        var text = MinutesPaperTests.PaperText(docx);

        PaperLayout.AssertValid(docx, "giay-moi.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("GIẤY MỜI", "Số 12-GM/BDVHU", [["TRƯỞNG BAN", "Phạm Quốc Bảo"]]));
        Assert.Contains("Ban Dân vận Huyện ủy trân trọng kính mời:", text, StringComparison.Ordinal);
        Assert.Contains("- Tại 12 điểm cầu: Đảng ủy các xã, Ủy ban nhân dân các xã", text, StringComparison.Ordinal);
        Assert.Contains("Thời gian: 08 giờ 00, ngày 05/03/2027 (đến 11 giờ 00).", text, StringComparison.Ordinal);
        Assert.Contains("Địa điểm: Hội trường Huyện ủy Tân Phong; trực tuyến tại 2 điểm cầu: xã An Lạc, xã Bình Đông.", text, StringComparison.Ordinal);
        Assert.Contains("1. Đánh giá kết quả công tác dân vận quý I năm 2027", text, StringComparison.Ordinal);
        Assert.Contains("Liên hệ: Đồng chí Đoàn Thị Ngọc Trâm", text, StringComparison.Ordinal);
        Assert.Contains("- Lưu BDVHU.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Đảng ủy xã An Lạc", "Xã An Lạc", "Đảng ủy các xã")]
    [InlineData("Chi hội Nông dân ấp Phú Lợi", "Ấp Phú Lợi", "Chi hội Nông dân các ấp")]
    [InlineData("Huyện đoàn Tân Phong", "Huyện Tân Phong", "Huyện đoàn Tân Phong")]
    [InlineData("Hội Nông dân xã An Lạc", null, "Hội Nông dân xã An Lạc")]
    public void ForAll_BodyOfEveryCommune_NamedOnceForAll(string unit, string? area, string expected)
    {
        Assert.Equal(expected, DownloadInvitationLetter.ForAll(unit, area));
    }

    [Fact]
    public void Render_NotYetSent_BlankNumberAndDateToFillIn()
    {
        var docx = InvitationLetter.Render(Model with { Number = null, IssuedOn = null, JoinLink = null, Endpoints = [] }, Party);
        var text = MinutesPaperTests.PaperText(docx);

        PaperLayout.AssertLayout(docx, new PaperExpectation("GIẤY MỜI", "Số      -GM/BDVHU", [["TRƯỞNG BAN", "Phạm Quốc Bảo"]]));
        Assert.Contains("Tân Phong, ngày      tháng      năm", text, StringComparison.Ordinal);
        Assert.DoesNotContain("trực tuyến tại", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_SentInvitation_NumberedGmSignedByTheBanInvitedByDirectoryNames()
    {
        var first = await PaperMeetings.NewAsync(app, "Giao ban dân vận giấy mời một", new DateOnly(2031, 6, 3));
        var second = await PaperMeetings.NewAsync(app, "Giao ban dân vận giấy mời hai", new DateOnly(2031, 6, 4));

        // Each sent invitation takes the next number of the Ban's own "GM" register.
        var numbers = new[] { first, second }.Select(m => Regex.Match(m.InvitationNumber ?? "", @"^(\d+)-GM/BDVHU$")).ToList();
        Assert.All(numbers, m => Assert.True(m.Success));
        Assert.Equal(int.Parse(numbers[0].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(numbers[1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var register = await app.WithDbAsync(async db =>
        {
            var ban = await db.Units.SingleAsync(u => u.Code == "HU-TP-BDV");
            return await db.DocumentRegisters.AsNoTracking().Where(r => r.IssuerUnitId == ban.Id && r.TypeCode == "GM").SumAsync(r => r.LastSequence);
        });
        Assert.True(register >= 2);

        using var clerk = await app.LoginAsync("vanphong");
        var response = await clerk.Http.GetAsync($"/meetings/{second.Id}/invitation.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();
        var text = MinutesPaperTests.PaperText(docx);

        PaperLayout.AssertValid(docx, "giay-moi.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("GIẤY MỜI", "Số " + second.InvitationNumber, [["TRƯỞNG BAN", "Phạm Quốc Bảo"]]));
        Assert.DoesNotContain("T/M", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thường trực cấp ủy", text, StringComparison.Ordinal);
        Assert.Contains("- Đồng chí Trần Minh Khang, Bí thư Huyện ủy\n- Đồng chí Nguyễn Thị Thu Hà, Phó Bí thư Thường trực Huyện ủy", text, StringComparison.Ordinal);
        Assert.Contains("điểm cầu: Đảng ủy các xã, Ủy ban MTTQ Việt Nam các xã, Hội Nông dân các xã", text, StringComparison.Ordinal);
        Assert.Contains("Chi hội Nông dân các ấp", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Đảng ủy xã An Lạc", text, StringComparison.Ordinal);
        Assert.Contains("Chủ trì: Đồng chí Phạm Quốc Bảo, Trưởng Ban Dân vận Huyện ủy", text, StringComparison.Ordinal);
        var printed = await PaperArtifacts.RenderAsync(app.Services, "giay-moi", docx);
        Assert.Contains("GIẤY MỜI", printed, StringComparison.Ordinal);
        Assert.Contains("Số " + second.InvitationNumber, printed, StringComparison.Ordinal);
    }
}
