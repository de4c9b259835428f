using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;

namespace RedMvc.Testing;

/// <summary>Notes that are already live, for tests about what happens to a note after it is posted.</summary>
public static class PublishedNotes
{
    /// <summary>
    /// A published note by the author with photos still waiting for the image pipeline, saved through
    /// the posting workflow (NotePosting) as the composer saves it: topics, mentions and their notices included.
    /// </summary>
    public static Task<Note> PublishNoteAsync(this AppDbContext db, string authorId, string title = "测试笔记", string body = "",
        string channel = "food", NoteVisibility visibility = NoteVisibility.Public, DateTime? at = null, int photos = 1)
    {
        var content = new NoteContent(title, body, channel, null, visibility, false);
        var stored = Enumerable.Range(1, photos).Select(i => new NewPhoto($"originals/{Guid.NewGuid():N}", $"photo{i}.jpg")).ToList();
        return NotePosting.SaveAsync(db, authorId, null, new NotePost(content, PostAction.Publish, null, [], stored.Count), stored, new NoteLimits(), at ?? DateTime.UtcNow);
    }
}
