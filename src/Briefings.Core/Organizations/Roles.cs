namespace Briefings.Core.Organizations;

/// <summary>The roles of accounts. Names are stored; display names are Vietnamese.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Clerk = "Clerk";
    public const string Leader = "Leader";
    public const string UnitStaff = "UnitStaff";
    public const string Technician = "Technician";

    public static readonly IReadOnlyList<string> All = [Admin, Clerk, Leader, UnitStaff, Technician];

    public static string DisplayName(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Clerk => "Văn phòng",
        Leader => "Lãnh đạo",
        UnitStaff => "Cán bộ đơn vị",
        Technician => "Kỹ thuật điểm cầu",
        _ => role,
    };
}
