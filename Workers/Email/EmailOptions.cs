namespace RedMvc.Workers.Email;

/// <summary>Bound from "Email". With no Smtp:Host, mail is written as .eml files to the pickup folder.</summary>
public class EmailOptions
{
    public string FromAddress { get; set; } = "no-reply@redmvc.local";
    public string FromName { get; set; } = "RedMvc";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Folder for .eml files when no SMTP host is set; relative paths are under the data folder.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";
}

public class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";
}
