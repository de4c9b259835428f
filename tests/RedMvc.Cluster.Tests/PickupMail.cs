using System.Text.RegularExpressions;
using MimeKit;

namespace RedMvc.Cluster.Tests;

/// <summary>One .eml file the site wrote to the shared mail pickup folder (no SMTP host is configured).</summary>
public sealed partial record PickupMail(string File, MimeMessage Message)
{
    public string To => Message.To.Mailboxes.Single().Address.ToLowerInvariant();
    public string Subject => Message.Subject ?? "";

    /// <summary>The outbox row it was sent from: SendEmailJob gives each message the id "outbox-{id}-{created}@redmvc".</summary>
    public long? OutboxId => OutboxMessageId().Match(Message.MessageId ?? "") is { Success: true } m ? long.Parse(m.Groups[1].Value) : null;

    /// <summary>Every message written so far; a file still being written is skipped.</summary>
    public static IReadOnlyList<PickupMail> All(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var mails = new List<PickupMail>();
        foreach (var file in Directory.GetFiles(folder, "*.eml").Order())
        {
            try
            {
                mails.Add(new PickupMail(file, MimeMessage.Load(file)));
            }
            catch (Exception e) when (e is FormatException or IOException or InvalidOperationException)
            {
                // Written right now; the next look reads it whole.
            }
        }
        return mails;
    }

    public static IReadOnlyList<PickupMail> AddressedTo(string folder, string address) =>
        All(folder).Where(m => m.To == address.ToLowerInvariant()).ToList();

    /// <summary>The first link in the plain-text body whose path is the given one.</summary>
    public string LinkTo(string path)
    {
        var text = Message.TextBody ?? throw new InvalidOperationException("No text body");
        return Link().Matches(text).Select(m => m.Value).FirstOrDefault(u => new Uri(u).AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in:\n{text}");
    }

    [GeneratedRegex(@"^outbox-(\d+)-")]
    private static partial Regex OutboxMessageId();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
