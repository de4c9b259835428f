using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using netDumbster.smtp;

namespace RedMvc.Web.Tests;

/// <summary>Reads what arrived at the test SMTP server.</summary>
public partial class Mailbox(SimpleSmtpServer smtp, Func<string, string> describeOutbox)
{
    public IReadOnlyList<MimeMessage> To(string address) =>
        smtp.ReceivedEmail
            .Select(e => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(e.Data))))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>Waits (bounded) for a message to an address with the given subject; the job server polls every second.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string? subject = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var match = To(address).FirstOrDefault(m => subject is null || m.Subject == subject);
            if (match is not null) return match;
            await Task.Delay(200);
        }
        throw new TimeoutException($"No email to {address} with subject '{subject}'; {To(address).Count} other(s) arrived. Outbox: {describeOutbox(address)}");
    }

    /// <summary>The first link in the plain-text body that starts with the given path.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("No text body");
        var match = LinkPattern().Matches(text).Select(m => m.Value).FirstOrDefault(u => new Uri(u).AbsolutePath == path);
        return match ?? throw new InvalidOperationException($"No link to {path} in:\n{text}");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
