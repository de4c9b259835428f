namespace RedMvc.Domain.Commerce;

/// <summary>A brand's shop. One per brand member; created when staff grant the Brand role.</summary>
public class Shop
{
    public const int NameMaxLength = 30;
    public const int DescriptionMaxLength = 500;

    private Shop() { }

    public Shop(string ownerId, string handle, string name, DateTime now)
    {
        OwnerId = ownerId;
        Handle = handle;
        Name = name;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string OwnerId { get; private set; } = "";

    /// <summary>The brand member's handle at creation: the shop's address, /shops/{handle}.</summary>
    public string Handle { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }

    /// <summary>Public base name of the processed logo (same files as an avatar); null shows the initial.</summary>
    public string? LogoKey { get; set; }
    public DateTime CreatedAt { get; private set; }

    public void Describe(string name, string? description)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) throw new ShopRuleException("Shop.Error.NameRequired");
        if (Notes.NoteText.Length(trimmed) > NameMaxLength) throw new ShopRuleException("Shop.Error.NameTooLong");
        if (Notes.NoteText.Length(description) > DescriptionMaxLength) throw new ShopRuleException("Shop.Error.DescriptionTooLong");
        Name = trimmed;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }
}

/// <summary>A shop or order rule was broken; Key is the resource key of the message.</summary>
public class ShopRuleException(string key) : InvalidOperationException(key)
{
    public string Key { get; } = key;
}
