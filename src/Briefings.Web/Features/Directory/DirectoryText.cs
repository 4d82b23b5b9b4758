namespace Briefings.Web.Features.Directory;

/// <summary>The directory's messages to users, in one place.</summary>
public static class DirectoryText
{
    public const string CodeRequired = "Vui lòng nhập mã đơn vị.";
    public const string CodeFormat = "Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và dấu gạch ngang (-), tối đa 64 ký tự.";
    public const string NameRequired = "Vui lòng nhập tên đầy đủ của đơn vị.";
    public const string ShortNameRequired = "Vui lòng nhập tên viết tắt.";
    public const string KindInvalid = "Loại đơn vị không hợp lệ.";
    public const string OrganizationTypeInvalid = "Loại đoàn thể không hợp lệ. Vui lòng chọn một loại trong danh sách.";
    public const string ParentNotFound = "Không tìm thấy đơn vị cấp trên với mã đã nhập.";

    /// <summary>A move to the parent the unit already has.</summary>
    public static string SameParent(string? parentName) => parentName is null
        ? "Đơn vị đã ở cấp cao nhất. Hãy nhập mã của đơn vị cấp trên mới."
        : $"Đơn vị đang trực thuộc “{parentName}”. Hãy nhập mã của đơn vị cấp trên mới (khác đơn vị hiện tại).";
    public const string ParentRetired = "Đơn vị cấp trên đã ngừng hoạt động; không thể thêm đơn vị vào đó.";
    public const string VerticalNotFound = "Không tìm thấy đơn vị ngành dọc cấp trên với mã đã nhập.";
    public const string RootOnlyAdmin = "Chỉ quản trị hệ thống mới được tạo đơn vị cấp cao nhất.";
    public const string PersonNameRequired = "Vui lòng nhập họ và tên.";
    public const string PersonUnitRequired = "Vui lòng nhập mã đơn vị quản lý hồ sơ.";
    public const string PersonUnitNotFound = "Không tìm thấy đơn vị với mã đã nhập.";
    public const string PersonUnitRetired = "Đơn vị này đã ngừng hoạt động.";
    public const string PositionUnitNotFound = "Không tìm thấy đơn vị của chức vụ với mã đã nhập.";
    public const string PositionUnitOutsideArea = "Đơn vị này thuộc địa bàn khác: chỉ được giao chức vụ ở các đơn vị thuộc địa bàn của bạn. Chức vụ ở địa bàn khác do văn phòng cấp trên cập nhật.";
    public const string PositionTitleRequired = "Vui lòng nhập tên chức vụ.";
    public const string PositionRequired = "Vui lòng nhập ít nhất một chức vụ.";
    public const string EmailInvalid = "Địa chỉ thư điện tử không hợp lệ.";
    public const string PhoneInvalid = "Số điện thoại chỉ gồm chữ số, dấu cách, dấu + và dấu chấm.";
    public const string HasActiveChildren = "Đơn vị còn đơn vị cấp dưới đang hoạt động. Hãy chuyển hoặc ngừng hoạt động các đơn vị đó trước.";

    public static string CodeTaken(string code) => $"Mã đơn vị '{code}' đã được dùng cho một đơn vị khác.";
}
