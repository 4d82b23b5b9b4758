using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The demo district's version of the reference conclusion (07-KL/HU of 2017): the quarterly briefing
/// of the Front and the organizations, three sections, recipients, signed by the Bí thư. Shared by the tests.</summary>
internal static class ReferenceConclusion
{
    public static readonly DateTimeOffset Now = new(2026, 4, 15, 2, 0, 0, TimeSpan.Zero);

    public const string Preamble1 = "Ngày 10/4/2026, tại điểm cầu Huyện ủy, đồng chí Trần Minh Khang, Bí thư Huyện ủy chủ trì Hội nghị giao ban trực tuyến MTTQ, các đoàn thể chính trị - xã hội huyện, xã quý I năm 2026.";

    public static Conclusion Approve(Conclusion conclusion)
    {
        Assert.Null(conclusion.Submit("vanphong", Now));
        Assert.Null(conclusion.Approve("bithu", Now));
        return conclusion;
    }

    public static async Task<Conclusion> BuildAsync(BriefingsDbContext db)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code);
        Guid Id(string code) => units[code].Id;
        var conclusion = Conclusion.Create(Id(DemoDistrict.DistrictCommitteeCode), "KL", "KẾT LUẬN",
            "Hội nghị giao ban trực tuyến MTTQ, các đoàn thể chính trị - xã hội huyện, xã quý I năm 2026").Value!;
        Assert.Null(conclusion.Describe(conclusion.Summary,
            Preamble1 + "\n" +
            "Sau khi nghe Ban Dân vận Huyện ủy báo cáo và ý kiến phát biểu của các đồng chí dự họp, đồng chí Bí thư Huyện ủy kết luận như sau:",
            "Tân Phong", new DateOnly(2026, 4, 15)));
        Assert.Null(conclusion.SetBody(
            [
                new BodySection { Order = 1, Numeral = "I", Title = "Đánh giá việc tổ chức Hội nghị" },
                new BodySection { Order = 2, Numeral = "II", Title = "Một số kiến nghị, đề xuất" },
                new BodySection { Order = 3, Numeral = "III", Title = "Nhiệm vụ trọng tâm quý II năm 2026" },
            ],
            [
                new BodyItem
                {
                    SectionOrder = 1, Number = 1,
                    Text = "Hội nghị được chuẩn bị chu đáo; các điểm cầu kết nối ổn định, dự họp đầy đủ, đúng thành phần. Để các hội nghị sau tốt hơn, đề nghị các đơn vị lưu ý:\n" +
                        "- Kiểm tra kỹ hình ảnh, âm thanh, đường truyền trước giờ họp.\n" +
                        "- Treo bảng tên đơn vị tại mỗi điểm cầu.",
                },
                new BodyItem { SectionOrder = 1, Number = 2, Text = "Giao Văn phòng Huyện ủy rà soát thiết bị tại các điểm cầu xã; hoàn thành trong tháng 5/2026." },
                new BodyItem { SectionOrder = 2, Number = 1, Text = "Kiến nghị bố trí kinh phí cho các chi hội ấp: Giao Phòng TC-KH huyện nghiên cứu, trả lời bằng văn bản cho các xã trước 15/5/2026." },
                new BodyItem { SectionOrder = 2, Number = 2, Text = "Giao Ban Dân vận Huyện ủy chủ trì, phối hợp với Ủy ban MTTQ huyện, Hội Nông dân huyện khảo sát mô hình dân vận khéo; có báo cáo kết quả về Thường trực Huyện ủy trong quý II/2026." },
                new BodyItem { SectionOrder = 2, Number = 3, Text = "Về nhân sự chi hội ấp Phước Lợi (nội bộ).", IsPublic = false },
                new BodyItem { SectionOrder = 3, Number = 1, Text = "Đề nghị Trung tâm GDNN-GDTX huyện mở lớp nghề ngắn hạn cho thanh niên trong năm học 2026 - 2027." },
                new BodyItem { SectionOrder = 3, Number = 2, Text = "MTTQ và các đoàn thể thường xuyên nắm tình hình nhân dân ở địa bàn dân cư." },
            ],
            [
                new Directive { SectionOrder = 1, ItemNumber = 2, LeadUnitId = Id(DemoDistrict.DistrictOfficeCode), Deadline = Deadline.InMonth(2026, 5) },
                new Directive { SectionOrder = 2, ItemNumber = 1, LeadUnitId = Id("UB-TP-TCKH"), Deadline = Deadline.By(new DateOnly(2026, 5, 15)), ExpectedOutput = ExpectedOutput.WrittenReply },
                new Directive
                {
                    SectionOrder = 2, ItemNumber = 2, LeadUnitId = Id("HU-TP-BDV"), CoordinatingUnitIds = [Id("MT-TP"), Id("ND-TP")],
                    Deadline = Deadline.InQuarter(2026, 2), ExpectedOutput = ExpectedOutput.ReportBack,
                },
                new Directive { SectionOrder = 3, ItemNumber = 1, LeadUnitId = Id("UB-TP-GDNN"), Deadline = Deadline.InSchoolYear(2026) },
                new Directive { SectionOrder = 3, ItemNumber = 2, LeadUnitId = Id("MT-TP"), Deadline = Deadline.Ongoing },
            ]));
        Assert.Null(conclusion.SetRecipients(
        [
            (Id(DemoDistrict.DistrictCommitteeCode), "Thường trực Huyện ủy"),
            (Id("UB-TP"), "UBND huyện"),
            (Id("MT-TP"), "MTTQ, các đoàn thể CT-XH huyện"),
            (null, "Đăng Website Huyện ủy"),
            (null, "Lưu VPHU"),
        ]));
        var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
        Assert.Null(conclusion.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
        return conclusion;
    }
}
