using Briefings.Core.Conclusions;
using Briefings.Core.Meetings;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using static Briefings.Web.Infrastructure.Demo.DemoSteps;

namespace Briefings.Web.Infrastructure.Demo;

/// <summary>
/// A year of fictional history for the demo district, played through the features' own use cases by the demo accounts
/// (<see cref="DemoSteps"/>) and dated relative to today, so that every page has real content for a newcomer: three
/// quarterly briefings held (invitations, answers, proposals, roll call, minutes), a thematic briefing, their
/// conclusions issued and numbered in the register, tasks in every status (open on time, overdue, done on time, done
/// late, extended) with progress reports and files, an extension granted and one waiting, and the next briefing with
/// its invitations, answers, proposals and room checks.
/// <para>One method per season: a feature that adds a step to the cycle (the biên bản, signing, meeting states) adds it
/// to the seasons it belongs to. Loaded only with <c>Demo:History</c> (on in Development), once: a database that has a
/// meeting or a conclusion is left alone.</para>
/// </summary>
public sealed class DemoHistory(DemoSteps steps, BriefingsDbContext db, ILogger<DemoHistory> logger)
{
    private const string Place = "Hội trường Huyện ủy Tân Phong";
    private const string Recipients = "Thường trực Huyện ủy\nỦy ban nhân dân huyện Tân Phong\nBan Dân vận Huyện ủy\nPhòng Tài chính - Kế hoạch huyện\nỦy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong\nĐảng ủy, UBND các xã\nĐăng Website Huyện ủy\nLưu VPHU";
    private const string Agenda = "Khai mạc, giới thiệu thành phần | Văn phòng Huyện ủy | 10\nBáo cáo tình hình hoạt động của MTTQ và các đoàn thể | Ban Dân vận Huyện ủy | 30\nÝ kiến của các điểm cầu xã | | 60\nKết luận của đồng chí chủ trì | Bí thư Huyện ủy | 20";

    /// <summary>Plays the history unless the database already has meetings or conclusions.</summary>
    public async Task<bool> LoadIfEmptyAsync(DateOnly today)
    {
        if (await db.Meetings.AnyAsync() || await db.Conclusions.AnyAsync())
        {
            return false;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await TimedAsync("nine months ago", () => NineMonthsAgoAsync(Day(today.AddMonths(-9))));
        await TimedAsync("six months ago", () => SixMonthsAgoAsync(Day(today.AddMonths(-6))));
        await TimedAsync("three months ago", () => ThreeMonthsAgoAsync(Day(today.AddMonths(-3)), today));
        await TimedAsync("thematic", () => ThematicAsync(WorkDay(today.AddDays(-21)), today));
        await TimedAsync("upcoming", () => UpcomingAsync(WorkDay(today.AddDays(12)), today));
        logger.LogInformation("Demo history loaded in {Ms:F0} ms.", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    private async Task TimedAsync(string season, Func<Task> play)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await play();
        logger.LogInformation("Demo season {Season}: {Ms:F0} ms.", season, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The first briefing of the year: both communes send proposals; tasks end done on time (the office's reply),
    /// done late (An Lạc), overdue with an explanation (Bình Đông) and done within a granted extension (Ban Dân vận).</summary>
    private async Task NineMonthsAgoAsync(DateOnly day)
    {
        var title = $"Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội {Quarter(day)}";
        var meeting = await steps.PlanAndInviteAsync(new MeetingPlan(title, MeetingType.QuarterlyBriefing, MeetingMode.Online, day, Place, Agenda),
            At(day.AddDays(-14), 9), At(day.AddDays(-12), 9));
        var equipment = await steps.ProposeAsync(AnLac, meeting, "X-01-DU", At(day.AddDays(-8), 10), "Trang bị thiết bị cho điểm cầu xã",
            "Điểm cầu xã An Lạc dùng máy tính và loa cũ, tiếng thường bị rè. Đề nghị huyện hỗ trợ trang bị camera và micro cho điểm cầu.", DemoDistrict.DistrictOfficeCode);
        var hall = await steps.ProposeAsync(BinhDong, meeting, "X-02-DU", At(day.AddDays(-7), 15), "Kinh phí sửa chữa hội trường Ủy ban MTTQ xã",
            "Hội trường Ủy ban MTTQ xã Bình Đông xuống cấp, mái dột. Đề nghị huyện xem xét hỗ trợ kinh phí sửa chữa.", "UB-TP-TCKH");
        await steps.AnswerAsync(AnLac, meeting, "X-01", At(day.AddDays(-6), 9), _ => (InvitationResponse.Confirmed, null, null, null));
        await steps.AnswerAsync(BinhDong, meeting, "X-02", At(day.AddDays(-5), 9), n => n == 2
            ? (InvitationResponse.Declined, null, null, "Đi học lớp bồi dưỡng tại tỉnh.")
            : (InvitationResponse.Confirmed, null, null, null));
        await steps.RegisterToSpeakAsync(AnLac, meeting, "X-01-MT", At(day.AddDays(-5), 14), "Kết quả vận động Quỹ Vì người nghèo",
            "Xã đã vận động được 120 triệu đồng, hỗ trợ sửa 3 căn nhà.", At(day.AddDays(-3), 9));
        await steps.HoldAsync(meeting, day, 23, [
            "Đồng chí Chánh Văn phòng Huyện ủy giới thiệu thành phần; 12/12 điểm cầu xã kết nối.",
            "Đồng chí Phó Trưởng Ban Dân vận trình bày báo cáo; không có ý kiến khác.",
            "Xã An Lạc báo cáo kết quả vận động Quỹ Vì người nghèo; xã Bình Đông nêu khó khăn về hội trường.",
            "Đồng chí Bí thư Huyện ủy kết luận (Văn phòng soạn thông báo kết luận)."]);

        var issued = day.AddDays(3);
        var conclusion = await steps.ConcludeAsync(new ConclusionPlan(meeting, "KẾT LUẬN", title,
            $"Ngày {Date(day)}, tại Hội trường Huyện ủy, đồng chí Bí thư Huyện ủy chủ trì Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội cấp huyện, xã trực tuyến với 12 điểm cầu xã. Sau khi nghe báo cáo và ý kiến các đại biểu, đồng chí Bí thư Huyện ủy kết luận như sau:",
            string.Join('\n',
                "I. Đánh giá chung",
                "1. Hội nghị được chuẩn bị chu đáo, các điểm cầu kết nối ổn định; MTTQ và các đoàn thể đã bám sát nhiệm vụ, hướng về cơ sở.",
                "II. Trả lời kiến nghị của các xã",
                "1. Về kiến nghị trang bị thiết bị cho điểm cầu xã An Lạc: giao Văn phòng Huyện ủy rà soát thiết bị các điểm cầu, trả lời bằng văn bản cho xã.",
                "2. Về kiến nghị kinh phí sửa chữa hội trường Ủy ban MTTQ xã Bình Đông: giao Phòng Tài chính - Kế hoạch huyện nghiên cứu, trả lời bằng văn bản.",
                "III. Nhiệm vụ thời gian tới",
                "1. Đề nghị UBND các xã rà soát danh sách hộ nghèo, hộ cận nghèo, báo cáo kết quả về Thường trực Huyện ủy.",
                "2. Giao Ban Dân vận Huyện ủy chủ trì, phối hợp với Ủy ban MTTQ huyện hướng dẫn các xã tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư."),
            Recipients,
            [
                new("2.1", "Văn phòng Huyện ủy (HU-TP-VP)", "trước " + Date(issued.AddDays(30)), ExpectedOutput.WrittenReply, AnswersProposal: equipment),
                new("2.2", "Phòng Tài chính - Kế hoạch huyện (UB-TP-TCKH)", "trước " + Date(issued.AddDays(45)), ExpectedOutput.WrittenReply, AnswersProposal: hall),
                new("3.1", "UBND các xã", MonthOf(issued.AddMonths(1)), ExpectedOutput.ReportBack),
                new("3.2", "Ban Dân vận Huyện ủy (HU-TP-BDV)", "trước " + Date(issued.AddDays(60)), ExpectedOutput.ReportBack, "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong (MT-TP)"),
            ]), day.AddDays(2), issued);

        var reply = await steps.TaskAsync(conclusion, 2, 1, DemoDistrict.DistrictOfficeCode);
        await steps.ReportAsync(Clerk, reply, At(issued.AddDays(10), 15), "Đã rà soát thiết bị 12 điểm cầu; 4 điểm cầu cần thay micro và camera.", 50, file: "ra-soat-thiet-bi-diem-cau.pdf");
        await steps.CompleteAsync(Clerk, reply, At(issued.AddDays(25), 9), "Đã có Công văn trả lời xã An Lạc; thiết bị được bổ sung trong đợt mua sắm quý tới.",
            reply: "Văn phòng Huyện ủy đã bố trí 01 camera và 02 micro cho điểm cầu xã An Lạc.", file: "cong-van-tra-loi-xa-an-lac.pdf");

        var anLac = await steps.TaskAsync(conclusion, 3, 1, "X-01-UB");
        var binhDong = await steps.TaskAsync(conclusion, 3, 1, "X-02-UB");
        var due = EndOfMonth(issued.AddMonths(1));
        await steps.ReportAsync(AnLac, anLac, At(issued.AddDays(20), 10), "Đã rà soát xong 2/3 ấp.", 40);
        await steps.CompleteAsync(AnLac, anLac, At(due.AddDays(12), 10), "Đã rà soát xong 3 ấp: 41 hộ nghèo, 63 hộ cận nghèo; báo cáo gửi kèm.",
            explanation: "Chậm do ấp Tân Thành chờ kết quả phúc tra của tổ dân vận.", file: "bao-cao-ra-soat-ho-ngheo-an-lac.pdf");
        await steps.ReportAsync(BinhDong, binhDong, At(due.AddDays(5), 16), "Đã rà soát 1/3 ấp; hai ấp còn lại đang đối chiếu số liệu.", 50,
            explanation: "Cán bộ phụ trách nghỉ sinh; xã đã phân công người thay.");

        var festival = await steps.TaskAsync(conclusion, 3, 2, "HU-TP-BDV");
        await steps.ReportAsync(DanVan, festival, At(issued.AddDays(20), 10), "Đã ban hành hướng dẫn; các xã đang xây dựng kế hoạch.", 30, file: "huong-dan-ngay-hoi-dai-doan-ket.pdf");
        await steps.ExtendAsync(DanVan, festival, At(issued.AddDays(50), 9), issued.AddDays(90), "Ngày hội tổ chức đồng loạt vào dịp 18/11; xin lùi thời hạn để tổng hợp đủ 12 xã.", At(issued.AddDays(51), 8));
        await steps.CompleteAsync(DanVan, festival, At(issued.AddDays(80), 10), "12/12 xã đã tổ chức Ngày hội; báo cáo tổng hợp gửi kèm.", file: "tong-hop-ngay-hoi-12-xa.pdf");
    }

    /// <summary>The half-year review (in the hall and online): admin issues; Ban Dân vận answers Bình Đông late; the
    /// office's own task done on time; the Women's Union, which has no account in the demo, overdue.</summary>
    private async Task SixMonthsAgoAsync(DateOnly day)
    {
        var title = $"Hội nghị sơ kết công tác MTTQ, các đoàn thể chính trị - xã hội {Quarter(day)}";
        var meeting = await steps.PlanAndInviteAsync(new MeetingPlan(title, MeetingType.QuarterlyBriefing, MeetingMode.Both, day, Place, Agenda),
            At(day.AddDays(-15), 9), At(day.AddDays(-13), 14));
        var guidance = await steps.ProposeAsync(BinhDong, meeting, "X-02-MT", At(day.AddDays(-6), 9), "Hướng dẫn hoạt động Ban công tác Mặt trận ấp",
            "Đề nghị có hướng dẫn thống nhất về nội dung sinh hoạt của Ban công tác Mặt trận ở ấp.", "HU-TP-BDV");
        await steps.AnswerAsync(AnLac, meeting, "X-01", At(day.AddDays(-5), 9), n => n == 1
            ? (InvitationResponse.Substitute, "Nguyễn Văn Hậu", "Phó Chủ tịch Ủy ban MTTQ xã", null)
            : (InvitationResponse.Confirmed, null, null, null));
        await steps.AnswerAsync(BinhDong, meeting, "X-02", At(day.AddDays(-4), 9), _ => (InvitationResponse.Confirmed, null, null, null));
        await steps.HoldAsync(meeting, day, 19, [
            "12/12 điểm cầu kết nối; tại hội trường có đủ thành phần cấp huyện.",
            "Báo cáo sơ kết 6 tháng được thông qua.",
            "Xã Bình Đông đề nghị hướng dẫn sinh hoạt Ban công tác Mặt trận ấp.",
            "Đồng chí Bí thư Huyện ủy kết luận."]);

        var issued = day.AddDays(4);
        var conclusion = await steps.ConcludeAsync(new ConclusionPlan(meeting, "KẾT LUẬN", title,
            $"Ngày {Date(day)}, đồng chí Bí thư Huyện ủy chủ trì Hội nghị sơ kết công tác MTTQ và các đoàn thể chính trị - xã hội. Đồng chí Bí thư Huyện ủy kết luận như sau:",
            string.Join('\n',
                "I. Trả lời kiến nghị",
                "1. Về kiến nghị của xã Bình Đông: giao Ban Dân vận Huyện ủy ban hành hướng dẫn nội dung sinh hoạt của Ban công tác Mặt trận ở ấp.",
                "II. Nhiệm vụ 6 tháng cuối năm",
                "1. Giao Văn phòng Huyện ủy tổng hợp ý kiến của các điểm cầu xã, báo cáo Thường trực Huyện ủy.",
                "2. Đề nghị Hội Liên hiệp Phụ nữ huyện sơ kết mô hình \"Chi hội phụ nữ không có hội viên nghèo\", báo cáo kết quả về Thường trực Huyện ủy."),
            Recipients,
            [
                new("1.1", "Ban Dân vận Huyện ủy (HU-TP-BDV)", MonthOf(issued.AddMonths(1)), ExpectedOutput.GuidanceDocument, AnswersProposal: guidance),
                new("2.1", "Văn phòng Huyện ủy (HU-TP-VP)", "trước " + Date(issued.AddDays(30)), ExpectedOutput.ReportBack),
                new("2.2", "Hội Liên hiệp Phụ nữ huyện Tân Phong (PN-TP)", "trước " + Date(issued.AddDays(40)), ExpectedOutput.ReportBack),
            ]), day.AddDays(3), issued, issuedBy: Admin);

        var answer = await steps.TaskAsync(conclusion, 1, 1, "HU-TP-BDV");
        await steps.CompleteAsync(DanVan, answer, At(EndOfMonth(issued.AddMonths(1)).AddDays(9), 10), "Đã ban hành Hướng dẫn số 05-HD/BDVHU về sinh hoạt Ban công tác Mặt trận ấp.",
            reply: "Ban Dân vận đã gửi Hướng dẫn 05-HD/BDVHU cho xã Bình Đông và các xã.", explanation: "Chậm do chờ ý kiến góp ý của Ủy ban MTTQ huyện.", file: "huong-dan-05-bdvhu.pdf");
        var summary = await steps.TaskAsync(conclusion, 2, 1, DemoDistrict.DistrictOfficeCode);
        await steps.CompleteAsync(Clerk, summary, At(issued.AddDays(20), 15), "Đã có báo cáo tổng hợp ý kiến các điểm cầu gửi Thường trực Huyện ủy.", file: "tong-hop-y-kien-diem-cau.pdf");
    }

    /// <summary>Last quarter's briefing: An Lạc works within a granted extension (open, not yet due), Bình Đông is
    /// overdue with its explanation, Ban Dân vận reports every quarter, the Finance office still owes An Lạc an answer.</summary>
    private async Task ThreeMonthsAgoAsync(DateOnly day, DateOnly today)
    {
        var title = $"Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội {Quarter(day)}";
        var meeting = await steps.PlanAndInviteAsync(new MeetingPlan(title, MeetingType.QuarterlyBriefing, MeetingMode.Online, day, Place, Agenda),
            At(day.AddDays(-14), 9), At(day.AddDays(-12), 9));
        var training = await steps.ProposeAsync(AnLac, meeting, "X-01-DTN", At(day.AddDays(-7), 9), "Kinh phí lớp tin học cho đoàn viên",
            "Đề nghị huyện hỗ trợ kinh phí mở lớp tin học cơ bản cho đoàn viên thanh niên xã.", "UB-TP-TCKH");
        await steps.AnswerAsync(AnLac, meeting, "X-01", At(day.AddDays(-6), 9), _ => (InvitationResponse.Confirmed, null, null, null));
        await steps.AnswerAsync(BinhDong, meeting, "X-02", At(day.AddDays(-5), 9), n => n == 0
            ? (InvitationResponse.Substitute, "Lê Thị Diễm", "Phó Bí thư Đảng ủy xã", null)
            : (InvitationResponse.Confirmed, null, null, null));
        await steps.RegisterToSpeakAsync(BinhDong, meeting, "X-02-ND", At(day.AddDays(-4), 10), "Mô hình tổ hợp tác trồng rau an toàn",
            "Đề xuất nhân rộng mô hình tổ hợp tác ở ấp Bình An.", At(day.AddDays(-2), 9));
        await steps.HoldAsync(meeting, day, 17, [
            "11/12 điểm cầu kết nối đúng giờ; điểm cầu xã Tây Sơn vào trễ 10 phút.",
            "Báo cáo quý được thông qua.",
            "Hội Nông dân xã Bình Đông trình bày mô hình tổ hợp tác trồng rau an toàn.",
            "Đồng chí Bí thư Huyện ủy kết luận."]);

        var issued = day.AddDays(3);
        var conclusion = await steps.ConcludeAsync(new ConclusionPlan(meeting, "KẾT LUẬN", title,
            $"Ngày {Date(day)}, đồng chí Bí thư Huyện ủy chủ trì Hội nghị giao ban trực tuyến với 12 điểm cầu xã. Đồng chí Bí thư Huyện ủy kết luận như sau:",
            string.Join('\n',
                "I. Nhiệm vụ cụ thể",
                "1. Đề nghị UBND xã An Lạc hoàn thiện hồ sơ đề nghị công nhận ấp văn hóa, báo cáo kết quả về Thường trực Huyện ủy.",
                "2. Đề nghị Đảng ủy xã Bình Đông kiện toàn Ban Thanh tra nhân dân xã.",
                "3. Giao Ban Dân vận Huyện ủy thường xuyên nắm tình hình dư luận xã hội, báo cáo hằng quý.",
                "4. Về kiến nghị kinh phí lớp tin học của xã An Lạc: giao Phòng Tài chính - Kế hoạch huyện cân đối, trả lời bằng văn bản."),
            Recipients,
            [
                new("1.1", "Ủy ban nhân dân xã An Lạc (X-01-UB)", "trước " + Date(issued.AddDays(45)), ExpectedOutput.ReportBack),
                new("1.2", "Đảng ủy xã Bình Đông (X-02-DU)", MonthOf(issued.AddMonths(1)), ExpectedOutput.ReportBack),
                new("1.3", "Ban Dân vận Huyện ủy (HU-TP-BDV)", "hằng quý", ExpectedOutput.ReportBack),
                new("1.4", "Phòng Tài chính - Kế hoạch huyện (UB-TP-TCKH)", "trước " + Date(Later(issued.AddDays(60), today.AddDays(20))), ExpectedOutput.WrittenReply, AnswersProposal: training),
            ]), day.AddDays(2), issued);

        var culture = await steps.TaskAsync(conclusion, 1, 1, "X-01-UB");
        await steps.ReportAsync(AnLac, culture, At(issued.AddDays(30), 9), "Đã hoàn thiện hồ sơ 2/3 ấp; ấp Hòa Thuận còn thiếu biên bản bình xét.", 60, file: "ho-so-ap-van-hoa.pdf");
        await steps.ExtendAsync(AnLac, culture, At(issued.AddDays(40), 9), Later(issued.AddDays(75), today.AddDays(30)), "Ấp Hòa Thuận họp bình xét lại theo hướng dẫn mới của huyện.", At(issued.AddDays(41), 10));

        var inspectors = await steps.TaskAsync(conclusion, 1, 2, "X-02-DU");
        await steps.ReportAsync(BinhDong, inspectors, At(EndOfMonth(issued.AddMonths(1)).AddDays(6), 15), "Đã giới thiệu nhân sự; chờ Hội nghị Mặt trận xã hiệp thương.", 70,
            explanation: "Hội nghị hiệp thương phải lùi vì trùng lịch bầu cử ấp.");

        var opinion = await steps.TaskAsync(conclusion, 1, 3, "HU-TP-BDV");
        await steps.ReportAsync(DanVan, opinion, At(issued.AddDays(2), 10), "Báo cáo dư luận xã hội tháng đầu quý: ổn định, quan tâm giá phân bón.", 50, file: "du-luan-xa-hoi-quy.pdf");
    }

    /// <summary>A thematic briefing three weeks ago, concluded by a "THÔNG BÁO KẾT LUẬN" (its own register): open tasks not
    /// yet due, a report with a file, and an extension request the office has still to decide.</summary>
    private async Task ThematicAsync(DateOnly day, DateOnly today)
    {
        var title = "Hội nghị giao ban chuyên đề công tác dân vận chính quyền";
        var meeting = await steps.PlanAndInviteAsync(new MeetingPlan(title, MeetingType.ThematicBriefing, MeetingMode.Online, day, "Phòng họp trực tuyến Huyện ủy",
            "Khai mạc | Văn phòng Huyện ủy | 5\nBáo cáo chuyên đề dân vận chính quyền | Ban Dân vận Huyện ủy | 30\nThảo luận | | 45\nKết luận | Bí thư Huyện ủy | 15"),
            At(day.AddDays(-10), 9), At(day.AddDays(-9), 9));
        await steps.AnswerAsync(AnLac, meeting, "X-01", At(day.AddDays(-4), 9), _ => (InvitationResponse.Confirmed, null, null, null));
        await steps.HoldAsync(meeting, day, 13, [
            "Đủ thành phần; 12 điểm cầu kết nối.",
            "Ban Dân vận trình bày báo cáo chuyên đề.",
            "Các xã An Lạc, Phú Mỹ, Long Điền phát biểu về tiếp công dân.",
            "Đồng chí Bí thư Huyện ủy kết luận."]);

        var issued = day.AddDays(2);
        var conclusion = await steps.ConcludeAsync(new ConclusionPlan(meeting, "THÔNG BÁO KẾT LUẬN", "Kết luận của đồng chí Bí thư Huyện ủy tại Hội nghị giao ban chuyên đề công tác dân vận chính quyền",
            $"Ngày {Date(day)}, đồng chí Bí thư Huyện ủy chủ trì Hội nghị giao ban chuyên đề công tác dân vận chính quyền. Văn phòng Huyện ủy thông báo kết luận của đồng chí Bí thư Huyện ủy như sau:",
            string.Join('\n',
                "I. Nhiệm vụ",
                "1. Giao Văn phòng Huyện ủy theo dõi việc tiếp công dân định kỳ của người đứng đầu cấp ủy các xã, báo cáo Thường trực Huyện ủy.",
                "2. Đề nghị UBND các xã niêm yết công khai thủ tục hành chính tại bộ phận một cửa, báo cáo kết quả về Thường trực Huyện ủy.",
                "3. Giao Ban Dân vận Huyện ủy xây dựng tài liệu bồi dưỡng kỹ năng dân vận cho cán bộ xã."),
            Recipients,
            [
                new("1.1", "Văn phòng Huyện ủy (HU-TP-VP)", "trước " + Date(today.AddDays(25)), ExpectedOutput.ReportBack),
                new("1.2", "UBND các xã", "trước " + Date(today.AddDays(40)), ExpectedOutput.ReportBack),
                new("1.3", "Ban Dân vận Huyện ủy (HU-TP-BDV)", "trước " + Date(today.AddDays(5)), ExpectedOutput.GuidanceDocument),
            ]), day.AddDays(1), issued);

        var watch = await steps.TaskAsync(conclusion, 1, 1, DemoDistrict.DistrictOfficeCode);
        await steps.ReportAsync(Clerk, watch, At(today.AddDays(-5), 10), "Đã nhận lịch tiếp công dân của 9/12 xã.", 30);
        var notice = await steps.TaskAsync(conclusion, 1, 2, "X-01-UB");
        await steps.ReportAsync(AnLac, notice, At(today.AddDays(-3), 14), "Đã niêm yết 45/60 thủ tục; ảnh chụp bảng niêm yết gửi kèm.", 20, file: "niem-yet-thu-tuc-an-lac.pdf");
        var material = await steps.TaskAsync(conclusion, 1, 3, "HU-TP-BDV");
        await steps.ExtendAsync(DanVan, material, At(today.AddDays(-2), 9), today.AddDays(35), "Chờ ý kiến góp ý của Ban Tuyên giáo về đề cương tài liệu.", decidedAt: null);
    }

    /// <summary>The next quarterly briefing, in twelve days: invitations sent, communes answering, proposals, a
    /// speaking registration and An Lạc's room checked by its technician.</summary>
    private async Task UpcomingAsync(DateOnly day, DateOnly today)
    {
        var title = $"Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội {Quarter(day)}";
        var meeting = await steps.PlanAndInviteAsync(new MeetingPlan(title, MeetingType.QuarterlyBriefing, MeetingMode.Online, day, Place, Agenda),
            At(today.AddDays(-9), 9), At(today.AddDays(-8), 9));
        await steps.AnswerAsync(AnLac, meeting, "X-01", At(today.AddDays(-5), 9), _ => (InvitationResponse.Confirmed, null, null, null));
        await steps.AnswerAsync(BinhDong, meeting, "X-02", At(today.AddDays(-4), 9), n => n switch
        {
            0 => (InvitationResponse.Substitute, "Trương Văn Lực", "Phó Chủ tịch UBND xã", null),
            3 => (InvitationResponse.Declined, null, null, "Trùng lịch tiếp xúc cử tri."),
            _ => (InvitationResponse.Confirmed, null, null, null),
        });
        await steps.ProposeAsync(AnLac, meeting, "X-01-ND", At(today.AddDays(-4), 10), "Vốn vay cho tổ hợp tác nuôi lươn",
            "Đề nghị huyện giới thiệu nguồn vốn ưu đãi cho tổ hợp tác nuôi lươn ấp Phú Lợi.", "ND-TP");
        await steps.ProposeAsync(BinhDong, meeting, "X-02-DU", At(today.AddDays(-3), 15), "Đường giao thông nông thôn ấp Bình An",
            "Đề nghị huyện bố trí vốn nâng cấp 1,2 km đường ấp Bình An đã xuống cấp.", "UB-TP");
        await steps.RegisterToSpeakAsync(AnLac, meeting, "X-01-PN", At(today.AddDays(-3), 9), "Mô hình tiết kiệm của Chi hội Phụ nữ",
            "Chi hội Phụ nữ ấp Phú Lợi duy trì tổ tiết kiệm 3 năm, giúp 12 hội viên thoát nghèo.", At(today.AddDays(-2), 9));
        await steps.TickReadinessAsync(meeting, "X-01", At(today.AddDays(-1), 15), ReadinessItem.Picture, ReadinessItem.Sound, ReadinessItem.Connection);
    }

    /// <summary>The 15th of the month of <paramref name="day"/>, on a working day.</summary>
    private static DateOnly Day(DateOnly day) => WorkDay(new DateOnly(day.Year, day.Month, 15));

    private static DateOnly WorkDay(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly EndOfMonth(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);

    private static string MonthOf(DateOnly day) => $"trong tháng {day.Month}/{day.Year}";

    private static string Quarter(DateOnly day) => $"quý {((day.Month - 1) / 3 + 1) switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" }} năm {day.Year}";
}
