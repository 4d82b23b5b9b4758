namespace Briefings.Web.Features.Directory;

/// <summary>The .xlsx layout shared by export and import: two sheets with Vietnamese headers.
/// Exporting and importing the same file changes nothing.</summary>
public static class DirectorySheet
{
    public const string Units = "DonVi";
    public const string People = "CanBo";

    public const string Code = "Mã đơn vị";
    public const string Name = "Tên đầy đủ";
    public const string ShortName = "Tên viết tắt";
    public const string Kind = "Loại";
    public const string OrganizationType = "Loại đoàn thể";
    public const string Level = "Cấp";
    public const string Symbol = "Ký hiệu văn bản";
    public const string ParentCode = "Mã đơn vị cấp trên";
    public const string VerticalCode = "Mã đơn vị ngành dọc cấp trên";
    public const string Retired = "Ngừng hoạt động";

    /// <summary>The unit's id in the app (read by `conclusions parse --directory`; the import matches units by code).</summary>
    public const string UnitId = "Mã định danh đơn vị";

    public const string PersonId = "Mã hồ sơ";
    public const string PersonUnit = "Mã đơn vị";
    public const string FullName = "Họ và tên";
    public const string Title = "Chức vụ";
    public const string OtherPositions = "Chức vụ khác (MÃ: chức vụ; ...)";
    public const string Phone = "Điện thoại";
    public const string Email = "Thư điện tử";

    public const string Yes = "Có";
}
