namespace RedMvc.Web.Infrastructure;

public static class Policies
{
    /// <summary>The admin area and the jobs dashboard.</summary>
    public const string Staff = "Staff";

    /// <summary>Posting anything (notes, comments, messages) needs a confirmed email.</summary>
    public const string ConfirmedEmail = "ConfirmedEmail";

    public static readonly string[] StaffRoles = [Roles.Staff, Roles.Admin];
}

public static class RedClaims
{
    public const string DisplayName = "red:display_name";
    public const string Handle = "red:handle";
    public const string EmailConfirmed = "red:email_confirmed";
    public const string TimeZone = "red:time_zone";
}
