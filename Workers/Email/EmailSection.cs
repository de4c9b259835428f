namespace RedMvc.Workers.Email;

/// <summary>A titled list in a digest (new notes, new board additions, one category's events), with a line for what did not fit.</summary>
public record EmailSection(string? Heading, IReadOnlyList<EmailItem> Items, string? More = null);
