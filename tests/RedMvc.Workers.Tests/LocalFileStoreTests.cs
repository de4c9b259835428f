using RedMvc.Workers.Files;

namespace RedMvc.Workers.Tests;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "redmvc-file-store-tests", Guid.NewGuid().ToString("N"));
    private readonly LocalFileStore _store;

    public LocalFileStoreTests() => _store = new LocalFileStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task<string> ReadAllAsync(Stream stream)
    {
        await using (stream) return await new StreamReader(stream).ReadToEndAsync();
    }

    [Fact]
    public async Task A_saved_file_reads_back_and_a_second_save_replaces_it()
    {
        await _store.SaveAsync("photos/a_360.webp", new MemoryStream("first"u8.ToArray()));
        await _store.SaveAsync("photos/a_360.webp", new MemoryStream("second"u8.ToArray()));

        Assert.Equal("second", await ReadAllAsync((await _store.OpenReadAsync("photos/a_360.webp"))!));
        Assert.True(await _store.ExistsAsync("photos/a_360.webp"));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "photos"))); // no temporary file left behind
    }

    [Fact]
    public async Task A_missing_file_reads_as_null_and_deleting_it_twice_is_fine()
    {
        await _store.SaveAsync("originals/x.jpg", new MemoryStream([1, 2, 3]));

        await _store.DeleteAsync("originals/x.jpg");
        await _store.DeleteAsync("originals/x.jpg");
        await _store.DeleteAsync("nowhere/x.jpg");

        Assert.Null(await _store.OpenReadAsync("originals/x.jpg"));
        Assert.Null(await _store.OpenReadAsync("nowhere/x.jpg"));
        Assert.False(await _store.ExistsAsync("originals/x.jpg"));
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("photos/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("photos\\..\\..\\outside.txt")]
    [InlineData("photos//x.jpg")]
    [InlineData("./x.jpg")]
    [InlineData("")]
    public async Task A_key_that_could_leave_the_store_is_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAsync(key, new MemoryStream([1])));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "outside.txt")));
    }

    [Fact]
    public async Task A_failed_save_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        await _store.SaveAsync("photos/b.jpg", new MemoryStream("old"u8.ToArray()));

        await Assert.ThrowsAsync<IOException>(() => _store.SaveAsync("photos/b.jpg", new FailingStream()));

        Assert.Equal("old", await ReadAllAsync((await _store.OpenReadAsync("photos/b.jpg"))!));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "photos")));
    }

    /// <summary>Gives a few bytes, then fails the way a dropped upload does.</summary>
    private sealed class FailingStream : MemoryStream
    {
        private bool _gaveSome;

        public FailingStream() : base("partial"u8.ToArray()) { }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_gaveSome) throw new IOException("Connection reset");
            _gaveSome = true;
            return base.ReadAsync(buffer, cancellationToken);
        }
    }
}
