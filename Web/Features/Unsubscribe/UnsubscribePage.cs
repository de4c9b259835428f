namespace RedMvc.Web.Features.Unsubscribe;

/// <summary>What the unsubscribe pages show: where the button posts, which mail stops, and the page of every choice.</summary>
public record UnsubscribePage(string Action, string Categories, string PreferencesUrl);
