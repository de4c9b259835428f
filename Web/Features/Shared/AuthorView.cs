namespace RedMvc.Web.Features.Shared;

public record AuthorView(string Id, string Handle, string DisplayName, string? AvatarKey)
{
    public AvatarView Avatar => new(DisplayName, AvatarKey);
}
