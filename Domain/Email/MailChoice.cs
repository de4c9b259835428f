namespace RedMvc.Domain.Email;

/// <summary>How often a member hears about a category by email. The numbers are stored.</summary>
public enum MailChoice
{
    Off = 0,
    AtOnce = 1,
    DailyDigest = 2,
    Weekly = 3,
}
