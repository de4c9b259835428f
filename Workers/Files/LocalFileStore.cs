namespace RedMvc.Workers.Files;

/// <summary>
/// IFileStore over a folder ("{data folder}/files" by default, or Storage:FilesPath). Keys are
/// relative paths with forward slashes; a key that could reach outside the folder is refused.
/// </summary>
public class LocalFileStore : IFileStore
{
    public LocalFileStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside the target so the final move is a rename on the same volume, which is atomic.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        try
        {
            // FileShare.Delete: a reader never blocks a replace or a delete of the same key.
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathFor(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        // File.Delete is already silent for a missing file; a missing folder is the same "already gone".
        try { File.Delete(PathFor(key)); }
        catch (DirectoryNotFoundException) { }
        return Task.CompletedTask;
    }

    /// <summary>The full path of a key, or ArgumentException when the key could escape the root.</summary>
    public string PathFor(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains('\\') || key.Contains('\0') || Path.IsPathRooted(key) || key.StartsWith('/'))
            throw new ArgumentException($"Not a relative file key: '{key}'.", nameof(key));
        if (key.Split('/').Any(segment => segment is "" or "." or ".."))
            throw new ArgumentException($"File key has an empty, '.' or '..' segment: '{key}'.", nameof(key));
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"File key escapes the store: '{key}'.", nameof(key));
        return path;
    }
}
