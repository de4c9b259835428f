namespace RedMvc.Workers.Email;

/// <summary>
/// The two ways out of a notification mail: OneClickUrl stops what this mail is about (the
/// List-Unsubscribe header and the footer link), PreferencesUrl opens every choice; both work without signing in.
/// </summary>
public record EmailUnsubscribe(string OneClickUrl, string PreferencesUrl);
