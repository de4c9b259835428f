namespace RedMvc.Domain.Notes;

/// <summary>An uploaded photo already stored as an original under Key; FileName is the name it came with.</summary>
public record NewPhoto(string Key, string FileName);
