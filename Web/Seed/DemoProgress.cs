namespace RedMvc.Web.Seed;

/// <summary>How far the demo content is while it fills in behind a site that already answers.</summary>
public record DemoStatus(int Notes, int NotesPlanned, int PhotosReady, int Photos);

/// <summary>
/// The demo seeding of this process (DemoSeeding): active from start until the last demo photo is
/// ready. The discover page reads it to say the demo is being prepared, with progress.
/// </summary>
public class DemoProgress
{
    private volatile bool _active;
    private volatile bool _seeded;
    private int _notes;

    public void Begin(int notesAlready)
    {
        _notes = notesAlready;
        _active = true;
    }

    public void NoteSeeded() => Interlocked.Increment(ref _notes);

    /// <summary>Why the seeding stopped short, if it did (logged too); the site runs on with what is there.</summary>
    public Exception? Failure { get; private set; }

    public void Failed(Exception exception)
    {
        Failure = exception;
        _active = false;
    }

    /// <summary>Every row is in; the photos may still be on their way through the bulk queue.</summary>
    public void Seeded() => _seeded = true;

    /// <summary>The demo's progress, or null when no demo is being prepared (the usual case, answered without a query).</summary>
    public async Task<DemoStatus?> StatusAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (!_active) return null;
        var ready = await db.NotePhotos.CountAsync(p => p.Status != PhotoStatus.Pending, cancellationToken);
        var photos = await db.NotePhotos.CountAsync(cancellationToken);
        if (_seeded && ready == photos)
        {
            _active = false;
            return null;
        }
        return new DemoStatus(Math.Min(_notes, DemoNotes.Count), DemoNotes.Count, ready, photos);
    }
}
