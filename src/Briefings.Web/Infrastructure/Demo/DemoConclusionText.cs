namespace Briefings.Web.Infrastructure.Demo;

/// <summary>The demo district's version of the reference conclusion as an office would paste it from Word:
/// header, preamble, sections I–III with numbered items and sub-points, closing, recipients and signature.
/// Fictional (district Tân Phong, province Long Giang). One sentence is broken across lines the way text copied
/// from a PDF is. Used by the import tests and benchmark, and shown as an example in the user guide.</summary>
public static class DemoConclusionText
{
    public const string Text = """
        ĐẢNG BỘ TỈNH LONG GIANG
        HUYỆN ỦY TÂN PHONG
        *
        Số 15-KL/HU
        ĐẢNG CỘNG SẢN VIỆT NAM
        Tân Phong, ngày 14 tháng 7 năm 2026

        KẾT LUẬN
        Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội quý II năm 2026

        Ngày 10/7/2026, tại phòng họp trực tuyến Huyện ủy, đồng chí Bí thư Huyện ủy chủ trì Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội cấp huyện, xã quý II năm 2026.
        * Thành phần:
        - Cấp huyện: Thường trực Huyện ủy; lãnh đạo Ban Dân vận, Ban Tổ chức Huyện ủy; lãnh đạo UBND huyện, Phòng TC-KH huyện; lãnh đạo Ủy ban MTTQ và các đoàn thể chính trị - xã hội huyện; chuyên viên Văn phòng Huyện ủy (Thư ký).
        - Cấp xã: Thường trực Đảng ủy, lãnh đạo MTTQ và các đoàn thể chính trị - xã hội các xã An Lạc, Bình Đông, Phú Mỹ, Tân Hưng.
        * Nội dung: Sau khi nghe Ban Dân vận Huyện ủy báo cáo tình hình hoạt động 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm 2026 của MTTQ và các đoàn thể; ý kiến kiến nghị của các xã và ý kiến phát biểu của các đồng chí dự họp, đồng chí Bí thư Huyện ủy kết luận như sau:

        I. Đánh giá việc tổ chức Hội nghị
        1. Hội nghị được chuẩn bị chu đáo; các điểm cầu kết nối ổn định, hình ảnh và âm thanh rõ. Tuy nhiên, một số điểm cầu xã còn dự họp chưa đúng thành phần, phát biểu chưa tập trung vào khó khăn, vướng mắc. Để các Hội nghị lần sau đạt hiệu quả, đề nghị các đơn vị lưu ý:
        - Kiểm tra đường truyền, máy chiếu và âm thanh trước giờ họp ít nhất 30 phút.
        - Mỗi điểm cầu treo bảng tên đơn vị; cử cán bộ theo dõi kỹ thuật suốt buổi họp.
        2. Giao Văn phòng Huyện ủy phối hợp với Ban Tuyên giáo Huyện ủy rà soát thiết bị tại các điểm cầu xã; hoàn thành trong tháng 8/2026.

        II. Các kiến nghị, đề xuất
        1. Kiến nghị bố trí kinh phí hoạt động cho các chi hội ấp: Giao Phòng TC-KH huyện nghiên cứu, đề xuất mức hỗ trợ phù hợp và trả lời bằng văn bản cho các xã trước 15/8/2026.
        2. Kiến nghị sửa chữa hội trường Ủy ban MTTQ xã Bình Đông đã xuống cấp: Đề nghị UBND xã Bình Đông rà soát, bố trí kinh phí sửa chữa trong quý IV/2026.
        3. Về việc quản lý quỹ hội ở cơ sở: Giao Phòng TC-KH huyện chủ trì, phối hợp với Ủy ban MTTQ huyện, Hội Nông dân huyện kiểm tra việc thu, chi quỹ hội tại các xã; sau khi kiểm tra, có báo cáo kết quả về Thường trực Huyện ủy trong tháng 10/2026.
        4. Về công tác giám sát và phản biện xã hội: Đề nghị Ủy ban MTTQ huyện ban hành hướng dẫn cụ thể để các xã triển khai thực hiện; hoàn thành trước ngày 31/8/2026.
        5. Về công tác cán bộ MTTQ và các đoàn thể cấp xã: Giao Ban Tổ chức Huyện ủy nghiên cứu, tham mưu Ban Thường vụ Huyện ủy có văn bản chỉ đạo việc kiện toàn cán bộ; hoàn thành 6 tháng cuối năm 2026.
        Bên cạnh đó, Đảng ủy các xã hằng năm phải rà soát, bổ sung quy hoạch cán bộ MTTQ và các đoàn thể, gắn quy hoạch với đào tạo, bồi dưỡng.
        6. Về đào tạo nghề cho lao động nông thôn: Hiện nay huyện đã có Trung tâm GDNN-GDTX, giao

        UBND huyện chỉ đạo các ngành chuyên môn trong năm học 2026 - 2027 mở các lớp nghề ngắn hạn cho thanh niên không tiếp tục học Trung học phổ thông.
        7. Về việc thành lập tổ hợp tác trồng rau an toàn tại xã Phú Mỹ: Giao Hội Nông dân huyện phối hợp với UBND xã Phú Mỹ xây dựng phương án thành lập; hoàn thành quý 4/2026.
        8. Về chế độ cho cán bộ công đoàn cơ sở: Đề nghị Liên đoàn Lao động huyện tổng hợp, báo cáo kết quả về Thường trực Huyện ủy hằng năm.

        III. Một số nhiệm vụ trọng tâm 6 tháng cuối năm 2026
        1. Đề nghị Đảng ủy, UBND các xã quan tâm hơn nữa đến hoạt động của MTTQ và các đoàn thể ở cơ sở; bố trí đủ kinh phí, tạo điều kiện để các đoàn thể hoàn thành nhiệm vụ.
        2. Về hoạt động của MTTQ và các đoàn thể chính trị - xã hội:
        - Tiếp tục đổi mới nội dung, phương thức hoạt động, hướng mạnh về cơ sở; mỗi đoàn thể xác định công việc cụ thể từng tháng, quý.
        - Tăng cường tuyên truyền, vận động nhân dân tham gia xây dựng nông thôn mới và bảo đảm an ninh trật tự ở địa bàn dân cư.
        - UBND huyện, xã thường xuyên thông tin cho MTTQ và các đoàn thể về tình hình kinh tế - xã hội, nhất là những vấn đề nổi cộm ở địa phương.
        3. Đề nghị Ủy ban MTTQ huyện chủ trì, phối hợp với các đoàn thể huyện tổ chức giám sát việc thực hiện chính sách hỗ trợ hộ nghèo tại các xã An Lạc, Tân Hưng; hoàn thành trong năm 2026.
        4. Đề nghị Trung tâm GDNN-GDTX huyện thường xuyên phối hợp với Hội Liên hiệp Phụ nữ huyện tư vấn, giới thiệu việc làm cho hội viên
        phụ nữ sau khi học nghề.

        Trên đây là kết luận của đồng chí Bí thư Huyện ủy tại Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội quý II năm 2026. Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.

        Nơi nhận:
        - Thường trực Huyện ủy;
        - UBND huyện;
        - Các ban xây dựng Đảng Huyện ủy;
        - Phòng TC-KH huyện;
        - Đảng ủy, UBND các xã;
        - MTTQ, các đoàn thể CT-XH huyện;
        - Đăng Website Huyện ủy;
        - Lưu VPHU.
        T/M BAN THƯỜNG VỤ
        BÍ THƯ

        Trần Minh Khang

        """;
}
