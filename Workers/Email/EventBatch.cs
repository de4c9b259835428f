using RedMvc.Domain.Email;

namespace RedMvc.Workers.Email;

/// <summary>
/// A category's unmailed events for one member: the cursor moves from FromId to ToId when the mail is
/// queued; Newest are the ones the mail lists, newest first, out of Count.
/// </summary>
public record EventBatch(MailCategory Category, MailChoice Choice, long FromId, long ToId, int Count, IReadOnlyList<MailEvent> Newest);
