using MimeKit;

namespace RedMvc.Workers.Email;

/// <summary>Delivers one finished message: over SMTP, or to the pickup folder in development.</summary>
public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
