using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using netDumbster.smtp;

namespace RedMvc.Browser.Tests;

/// <summary>Reads what arrived at the test SMTP server.</summary>
public partial class Mailbox(SimpleSmtpServer smtp)
{
    /// <summary>Waits (bounded) for a message to an address; the job server sends it a moment after the request.</summary>
    public Task<MimeMessage> WaitForAsync(string address, TimeSpan? timeout = null) => WaitForAsync(address, _ => true, timeout);

    /// <summary>Waits (bounded) for a message to an address that matches, for someone who gets several (order status mail).</summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool> matches, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var match = smtp.ReceivedEmail
                .Select(e => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(e.Data))))
                .FirstOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)) && matches(m));
            if (match is not null) return match;
            await Task.Delay(200);
        }
        throw new TimeoutException($"No email to {address}; {smtp.ReceivedEmailCount} email(s) arrived for others.");
    }

    /// <summary>The first link in the plain-text body whose path is the given one.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("No text body");
        var match = LinkPattern().Matches(text).Select(m => m.Value).FirstOrDefault(u => new Uri(u).AbsolutePath == path);
        return match ?? throw new InvalidOperationException($"No link to {path} in:\n{text}");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
