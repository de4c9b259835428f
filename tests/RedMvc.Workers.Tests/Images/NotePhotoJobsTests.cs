using RedMvc.Workers.Files;

namespace RedMvc.Workers.Tests.Images;

public class NotePhotoJobsTests
{
    private static readonly NoteContent Content = new("Autumn in Hangzhou", "Leaves #travel", "travel", null, NoteVisibility.Public, false);

    /// <summary>A note by a real author whose photos have these originals (null: no file saved); returns its id.</summary>
    private static async Task<long> NoteWithPhotosAsync(WorkersHost host, params byte[]?[] originals)
    {
        var files = host.Services.GetRequiredService<IFileStore>();
        return await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var author = await db.AddMemberAsync(Person.New("Ming"));
            var note = Note.Draft(author.Id, Content, DateTime.UtcNow);
            for (var i = 0; i < originals.Length; i++)
            {
                var key = $"originals/{Guid.NewGuid():N}.bin";
                if (originals[i] is { } bytes) await files.SaveAsync(key, new MemoryStream(bytes));
                note.AddPhoto(new NotePhoto(key, $"photo{i}.jpg", i));
            }
            db.Notes.Add(note);
            await db.SaveChangesAsync();
            return note.Id;
        });
    }

    private static Task ProcessAsync(WorkersHost host, long noteId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<ProcessNotePhotosJob>().RunAsync(noteId, CancellationToken.None));

    private static Task DeleteAsync(WorkersHost host, long noteId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<DeleteNotePhotosJob>().RunAsync(noteId, CancellationToken.None));

    private static Task<List<NotePhoto>> PhotosAsync(WorkersHost host, long noteId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().NotePhotos.AsNoTracking()
            .Where(p => p.NoteId == noteId).OrderBy(p => p.Position).ToListAsync());

    /// <summary>Every file in the store, by key, with its bytes.</summary>
    private static Dictionary<string, byte[]> StoredFiles(WorkersHost host)
    {
        var root = ((LocalFileStore)host.Services.GetRequiredService<IFileStore>()).Root;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllBytes);
    }

    [Fact]
    public async Task The_job_run_twice_gives_identical_files_and_the_same_photos()
    {
        await using var host = await WorkersHost.StartAsync();
        var noteId = await NoteWithPhotosAsync(host, TestImages.Jpeg(1600, 1200), TestImages.Png(500, 700));

        await ProcessAsync(host, noteId);
        var firstFiles = StoredFiles(host);
        var firstPhotos = await PhotosAsync(host, noteId);
        await ProcessAsync(host, noteId);
        var secondFiles = StoredFiles(host);

        Assert.Equal(2 + 3 * 2 + 1 * 2, firstFiles.Count); // originals, then 360/720/1440 and 360, in both formats
        Assert.Equal(firstFiles.Keys.Order(), secondFiles.Keys.Order());
        Assert.All(firstFiles, file => Assert.Equal(file.Value, secondFiles[file.Key]));
        Assert.All(firstPhotos, p => Assert.Equal(PhotoStatus.Ready, p.Status));
        Assert.Equal(firstPhotos.Select(p => (p.ContentHash, p.Widths, p.Width, p.Height, p.DominantColor)),
            (await PhotosAsync(host, noteId)).Select(p => (p.ContentHash, p.Widths, p.Width, p.Height, p.DominantColor)));
        Assert.Equal("360,720,1440", firstPhotos[0].Widths);
        Assert.Equal((500, 700, "360"), (firstPhotos[1].Width, firstPhotos[1].Height, firstPhotos[1].Widths));
        Assert.Contains(NotePhoto.PublicKey(firstPhotos[0].ContentHash!, 1440, "webp"), firstFiles.Keys);
    }

    [Fact]
    public async Task A_corrupt_original_fails_that_photo_while_the_others_become_ready()
    {
        await using var host = await WorkersHost.StartAsync();
        var noteId = await NoteWithPhotosAsync(host,
            TestImages.Jpeg(800, 600), TestImages.Truncated(TestImages.Jpeg(800, 600)), null, TestImages.TextNamedJpg(), TestImages.Webp(400, 400));

        await ProcessAsync(host, noteId);

        var photos = await PhotosAsync(host, noteId);
        Assert.Equal(
            [PhotoStatus.Ready, PhotoStatus.Failed, PhotoStatus.Failed, PhotoStatus.Failed, PhotoStatus.Ready],
            photos.Select(p => p.Status));
        Assert.Equal([null, "Photo.Failed.Corrupt", "Photo.Failed.Missing", "Photo.Failed.NotAnImage", null], photos.Select(p => p.FailureReason));
    }

    [Fact]
    public async Task A_ready_photo_is_not_processed_again()
    {
        await using var host = await WorkersHost.StartAsync();
        var noteId = await NoteWithPhotosAsync(host, TestImages.Jpeg(800, 600));
        await ProcessAsync(host, noteId);
        var photo = Assert.Single(await PhotosAsync(host, noteId));
        var files = host.Services.GetRequiredService<IFileStore>();
        await files.DeleteAsync(NotePhoto.PublicKey(photo.ContentHash!, 360, "jpg"));

        await ProcessAsync(host, noteId);

        Assert.False(await files.ExistsAsync(NotePhoto.PublicKey(photo.ContentHash!, 360, "jpg")));
    }

    [Fact]
    public async Task Deleting_a_deleted_notes_photos_removes_files_and_rows_and_is_safe_to_repeat()
    {
        await using var host = await WorkersHost.StartAsync();
        var noteId = await NoteWithPhotosAsync(host, TestImages.Jpeg(1600, 1200), TestImages.TextNamedJpg());
        await ProcessAsync(host, noteId);
        Assert.NotEmpty(StoredFiles(host));
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Notes.SingleAsync(n => n.Id == noteId)).Delete(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        await DeleteAsync(host, noteId);
        await DeleteAsync(host, noteId);

        Assert.Empty(StoredFiles(host));
        Assert.Empty(await PhotosAsync(host, noteId));
    }

    [Fact]
    public async Task Deleting_photos_does_nothing_for_a_note_that_is_not_deleted()
    {
        await using var host = await WorkersHost.StartAsync();
        var noteId = await NoteWithPhotosAsync(host, TestImages.Jpeg(800, 600));
        await ProcessAsync(host, noteId);
        var before = StoredFiles(host).Count;

        await DeleteAsync(host, noteId);

        Assert.Equal(before, StoredFiles(host).Count);
        Assert.Single(await PhotosAsync(host, noteId));
    }

    [Fact]
    public async Task Public_files_shared_with_another_note_stay_when_one_note_is_deleted()
    {
        await using var host = await WorkersHost.StartAsync();
        var sameOriginal = TestImages.Jpeg(800, 600);
        var deletedId = await NoteWithPhotosAsync(host, sameOriginal);
        var keptId = await NoteWithPhotosAsync(host, sameOriginal);
        await ProcessAsync(host, deletedId);
        await ProcessAsync(host, keptId);
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Notes.SingleAsync(n => n.Id == deletedId)).Delete(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        await DeleteAsync(host, deletedId);

        var kept = Assert.Single(await PhotosAsync(host, keptId));
        Assert.True(await host.Services.GetRequiredService<IFileStore>().ExistsAsync(NotePhoto.PublicKey(kept.ContentHash!, 720, "webp")));
        Assert.True(await host.Services.GetRequiredService<IFileStore>().ExistsAsync(kept.OriginalKey));
    }
}
