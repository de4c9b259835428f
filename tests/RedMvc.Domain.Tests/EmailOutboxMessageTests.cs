using RedMvc.Domain.Email;

namespace RedMvc.Domain.Tests;

public class EmailOutboxMessageTests
{
    private static EmailOutboxMessage Message() =>
        new(EmailPurposes.ConfirmEmail, "  Someone@Example.TEST ", "user-1", "Subject", "<p>Hi</p>", "Hi");

    [Fact]
    public void The_recipient_is_stored_normalized_so_the_unique_key_catches_case_variants() =>
        Assert.Equal("someone@example.test", Message().Recipient);

    [Fact]
    public void Marking_sent_twice_keeps_the_first_time()
    {
        var message = Message();
        var first = new DateTime(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc);
        message.MarkSent(first);
        message.MarkSent(first.AddMinutes(5));
        Assert.Equal(first, message.SentAt);
        Assert.True(message.IsSent);
    }

    [Fact]
    public void Failures_count_attempts_keep_the_last_error_and_give_up_at_the_limit()
    {
        var message = Message();
        var now = DateTime.UtcNow;
        for (var i = 1; i < EmailOutboxMessage.MaxAttempts; i++) message.RecordFailure($"error {i}", now);
        Assert.False(message.HasGivenUp);
        message.RecordFailure(new string('x', 5000), now);
        Assert.True(message.HasGivenUp);
        Assert.Equal(EmailOutboxMessage.MaxAttempts, message.Attempts);
        Assert.Equal(1000, message.LastError!.Length);
    }

    [Fact]
    public void A_sent_message_has_never_given_up()
    {
        var message = Message();
        for (var i = 0; i < EmailOutboxMessage.MaxAttempts; i++) message.RecordFailure("boom", DateTime.UtcNow);
        message.MarkSent(DateTime.UtcNow);
        Assert.False(message.HasGivenUp);
        Assert.Null(message.LastError);
    }
}
