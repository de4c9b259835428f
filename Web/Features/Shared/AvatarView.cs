namespace RedMvc.Web.Features.Shared;

/// <summary>What an avatar needs: the name (for the initial and alt text) and the processed photo, if any.</summary>
public record AvatarView(string Name, string? Key, bool Pending = false);
