using Microsoft.Extensions.Logging;
using MimeKit;

namespace RedMvc.Workers.Email;

/// <summary>Development delivery: each message becomes an .eml file you can open in any mail program.</summary>
public class PickupFolderEmailSender(string folder, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public string Folder => folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Sanitize(message.MessageId ?? Guid.NewGuid().ToString("N"))}.eml";
        var path = Path.Combine(folder, name);
        await message.WriteToAsync(path, cancellationToken);
        logger.LogInformation("Email to {Recipient} written to {Path}", message.To, path);
    }

    private static string Sanitize(string messageId) =>
        new(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' ? c : '_').ToArray());
}
