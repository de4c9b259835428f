namespace RedMvc.Web.Features.Shared;

/// <summary>A shop as a card: its address, name and logo.</summary>
public record ShopCard(string Handle, string Name, string? LogoKey)
{
    public AvatarView Logo => new(Name, LogoKey);
}
