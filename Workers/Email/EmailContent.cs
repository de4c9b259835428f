namespace RedMvc.Workers.Email;

/// <summary>
/// What one email says. Most mail is a heading, a few paragraphs and one button, so one pair of
/// templates (ActionEmail.razor and ActionEmailText.razor) renders them all.
/// </summary>
public record EmailContent(
    string Culture,
    string Subject,
    string Heading,
    IReadOnlyList<string> Paragraphs,
    string? ActionLabel = null,
    string? ActionUrl = null,
    string? Footnote = null);
