using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;

namespace RedMvc.Testing;

/// <summary>Notes that are already live, for tests about what happens to a note after it is posted.</summary>
public static class PublishedNotes
{
    /// <summary>
    /// A published note by the author with photos still waiting for the image pipeline, saved; topics and
    /// mentions in the body are linked as the composer links them. The one place tests post a note
    /// without the composer's form: when Domain has a posting service, this calls it.
    /// </summary>
    public static async Task<Note> PublishNoteAsync(this AppDbContext db, string authorId, string title = "测试笔记", string body = "",
        string channel = "food", NoteVisibility visibility = NoteVisibility.Public, DateTime? at = null, int photos = 1)
    {
        var now = at ?? DateTime.UtcNow;
        var note = Note.Draft(authorId, new NoteContent(title, body, channel, null, visibility, false), now);
        for (var i = 0; i < photos; i++) note.AddPhoto(new NotePhoto($"originals/{Guid.NewGuid():N}", $"photo{i + 1}.jpg", i));
        await NoteTagging.ApplyAsync(db, note);
        note.Publish(now, new NoteLimits());
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        return note;
    }
}
