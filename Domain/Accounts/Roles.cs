namespace RedMvc.Domain.Accounts;

public static class Roles
{
    public const string Member = "Member";
    public const string Creator = "Creator";
    public const string Brand = "Brand";
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Member, Creator, Brand, Staff, Admin];

    /// <summary>Roles that may enter the admin area.</summary>
    public const string StaffOrAdmin = Staff + "," + Admin;
}
