namespace RedMvc.Domain.Notes;

/// <summary>What the author asks for when saving: publish now, keep as a draft, or publish at a set time.</summary>
public enum PostAction { Publish, Draft, Schedule }
