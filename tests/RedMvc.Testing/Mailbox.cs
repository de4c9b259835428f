using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using netDumbster.smtp;

namespace RedMvc.Testing;

/// <summary>
/// A real SMTP server on 127.0.0.1 (netDumbster) that a test host sends its mail to, and what arrived there.
/// </summary>
public sealed partial class Mailbox : IDisposable
{
    private readonly SimpleSmtpServer _smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
    private readonly Func<string, string>? _explain;

    /// <param name="explain">Says, for an address nothing arrived for, what the host knows of it (its outbox rows, its job server).</param>
    public Mailbox(Func<string, string>? explain = null) => _explain = explain;

    /// <summary>The settings that point a host's mail sender at this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = _smtp.Configuration.Port.ToString(),
        ["Email:Smtp:Security"] = "None",
    };

    /// <summary>Every message that arrived, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received =>
        _smtp.ReceivedEmail.Select(e => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(e.Data)))).ToList();

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits (bounded) for a message to an address, with the given subject if one is named; a job sends it a moment after the request.</summary>
    public Task<MimeMessage> WaitForAsync(string address, string? subject = null, TimeSpan? timeout = null) =>
        WaitForAsync(address, m => subject is null || m.Subject == subject, timeout, subject is null ? "" : $" with subject '{subject}'");

    /// <summary>Waits (bounded) for a message to an address that matches, for someone who gets several (order status mail).</summary>
    public Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool> matches, TimeSpan? timeout = null) =>
        WaitForAsync(address, matches, timeout, " that matches");

    private async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool> matches, TimeSpan? timeout, string wanted)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var match = To(address).FirstOrDefault(matches);
            if (match is not null) return match;
            await Task.Delay(200);
        }
        throw new TimeoutException($"No email to {address}{wanted}; {To(address).Count} other(s) to them and {_smtp.ReceivedEmailCount} in all arrived."
            + (_explain is null ? "" : $" {_explain(address)}"));
    }

    /// <summary>The first link in the plain-text body whose path is the given one.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("No text body");
        var match = LinkPattern().Matches(text).Select(m => m.Value).FirstOrDefault(u => new Uri(u).AbsolutePath == path);
        return match ?? throw new InvalidOperationException($"No link to {path} in:\n{text}");
    }

    /// <summary>The mail server goes down: nothing more is accepted.</summary>
    public void Stop() => _smtp.Stop();

    public void Dispose() => _smtp.Stop();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
