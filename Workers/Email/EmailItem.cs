namespace RedMvc.Workers.Email;

/// <summary>One entry of a section: a title that links somewhere, a line under it, and a picture when there is one (absolute addresses).</summary>
public record EmailItem(string Title, string Url, string? Line = null, string? ImageUrl = null);
