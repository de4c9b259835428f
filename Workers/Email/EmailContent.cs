namespace RedMvc.Workers.Email;

/// <summary>
/// What one email says. Most mail is a heading, a few paragraphs and one button, so one pair of
/// templates (ActionEmail.razor and ActionEmailText.razor) renders them all; a digest adds its items,
/// and a notification mail the links to stop it.
/// </summary>
public record EmailContent(
    string Culture,
    string Subject,
    string Heading,
    IReadOnlyList<string> Paragraphs,
    string? ActionLabel = null,
    string? ActionUrl = null,
    string? Footnote = null)
{
    /// <summary>Listed under the paragraphs: a digest's notes (each with its cover) or events.</summary>
    public IReadOnlyList<EmailSection> Sections { get; init; } = [];

    /// <summary>Set on notification mail, which a member may stop; account mail has none.</summary>
    public EmailUnsubscribe? Unsubscribe { get; init; }
}
