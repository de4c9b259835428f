namespace RedMvc.Domain.Notes;

/// <summary>How a viewer stands to a note's author, as far as who-may-see cares: mutual followers, and a block either way.</summary>
public readonly record struct ViewerRelation(bool Mutual, bool Blocked);
