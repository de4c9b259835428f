using RedMvc.Domain.Text;

namespace RedMvc.Domain.Commerce;

/// <summary>A brand's shop. One per brand member; created when staff grant the Brand role.</summary>
public class Shop
{
    public const int NameMaxLength = 30;
    public const int DescriptionMaxLength = 500;
    public static readonly TextRule NameRule = TextRule.Line(NameMaxLength, required: true);
    public static readonly TextRule DescriptionRule = TextRule.Lines(DescriptionMaxLength);

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

    /// <summary>When staff suspended the shop, and why (its owner sees both); its products are withheld meanwhile.</summary>
    public DateTime? SuspendedAt { get; private set; }
    public string? SuspensionReason { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    /// <returns>False when the shop already was suspended (the first reason stands).</returns>
    public bool Suspend(string reason, DateTime now)
    {
        if (IsSuspended) return false;
        SuspendedAt = now;
        SuspensionReason = reason;
        return true;
    }

    /// <returns>False when the shop was not suspended.</returns>
    public bool Restore()
    {
        if (!IsSuspended) return false;
        SuspendedAt = null;
        SuspensionReason = null;
        return true;
    }

    /// <summary>A suspended shop puts nothing on sale.</summary>
    public void EnsureCanSell()
    {
        if (IsSuspended) throw new ShopRuleException("Shop.Error.Suspended");
    }

    public void Describe(string name, string? description)
    {
        var newName = NameRule.Check(name);
        if (newName.ErrorKey("Shop.Error.NameRequired", "Shop.Error.NameTooLong") is { } nameError) throw new ShopRuleException(nameError, nameof(Name));
        var newDescription = DescriptionRule.Check(description);
        if (newDescription.ErrorKey("Shop.Error.DescriptionTooLong") is { } descriptionError) throw new ShopRuleException(descriptionError, nameof(Description));
        Name = newName.Value;
        Description = newDescription.OrNull;
    }
}

/// <summary>A shop or order rule was broken; Key is the resource key of the message, Field the input it is about when known.</summary>
public class ShopRuleException(string key, string? field = null) : InvalidOperationException(key)
{
    public string Key { get; } = key;
    public string? Field { get; } = field;
}
