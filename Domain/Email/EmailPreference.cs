namespace RedMvc.Domain.Email;

/// <summary>
/// One member's choice for one category, and how far mail about it has got. There is no row until the
/// member changes the default or the first mail goes: a missing row is the default choice, nothing mailed.
/// The mailing job moves LastEventId (or LastDigestAt) with a conditional update in the transaction
/// that writes the outbox row, so two runs never mail the same events.
/// </summary>
public class EmailPreference
{
    private EmailPreference() { }

    public EmailPreference(string userId, MailCategory category, MailChoice choice)
    {
        UserId = userId;
        Category = category;
        Choice = MailCategories.Allows(category, choice) ? choice : throw new ArgumentOutOfRangeException(nameof(choice), choice, $"Not a choice for {category}.");
    }

    public string UserId { get; private set; } = "";
    public MailCategory Category { get; private set; }
    public MailChoice Choice { get; private set; }

    /// <summary>The newest event of the category already mailed: a notification's id (a message's for Messages).</summary>
    public long LastEventId { get; private set; }

    /// <summary>The digest moment (daily or weekly, UTC) last handled, mailed or skipped for having nothing new.</summary>
    public DateTime? LastDigestAt { get; private set; }
}
