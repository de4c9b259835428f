namespace RedMvc.Workers;

/// <summary>Bound from "Site".</summary>
public class SiteOptions
{
    /// <summary>Absolute base address used in links that leave the site (email). Empty: the request's own origin.</summary>
    public string? PublicBaseUrl { get; set; }

    public string Name { get; set; } = "RedMvc";

    /// <summary>IANA zone for times when neither the member nor their browser names one, and for emails to members who chose none.</summary>
    public string TimeZone { get; set; } = RedMvc.Domain.Time.TimeZones.China;
}
