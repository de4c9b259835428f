namespace RedMvc.Workers.Files;

/// <summary>
/// Where uploaded and generated files live, by key ("originals/..." private, "photos/..." public).
/// The default is a folder under the data folder; several web nodes share it as one mounted volume.
/// </summary>
public interface IFileStore
{
    /// <summary>Writes (or replaces) the file atomically: readers see the old or the new file, never half.</summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The file's content, or null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the file; no error when it is already gone.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
