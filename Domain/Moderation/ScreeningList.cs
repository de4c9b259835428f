using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Moderation;

/// <summary>Staff add and remove screened phrases; each change is audited in the same save.</summary>
public static class ScreeningList
{
    /// <summary>Returns (field, resource key) of a refusal, or null when the phrase was added.</summary>
    public static async Task<(string Field, string Error)?> AddAsync(AppDbContext db, StaffActor actor, string? phraseText, ScreenAction action, string? noteText,
        DateTime now, CancellationToken cancellationToken = default)
    {
        var phrase = ScreenedPhrase.PhraseRule.Check(phraseText);
        if (phrase.ErrorKey("Screening.Error.PhraseRequired", "Screening.Error.PhraseTooLong") is { } phraseError) return ("Phrase", phraseError);
        var folded = Screening.Fold(phrase.Value);
        if (folded.Length is 0 or > ScreenedPhrase.FoldedMaxLength) return ("Phrase", "Screening.Error.PhraseTooLong");
        if (!Enum.IsDefined(action)) return ("Action", "Screening.Error.Action");
        var note = ScreenedPhrase.NoteRule.Check(noteText);
        if (note.ErrorKey("Screening.Error.NoteTooLong") is { } noteError) return ("Note", noteError);
        if (await db.ScreenedPhrases.AnyAsync(p => p.Folded == folded, cancellationToken)) return ("Phrase", "Screening.Error.Listed");

        var added = ScreenedPhrase.Of(phrase.Value, action, actor.StaffId, note.OrNull, now);
        await db.InTransactionAsync(async () =>
        {
            db.ScreenedPhrases.Add(added);
            await db.SaveChangesAsync(cancellationToken);
            db.StaffAudit.Add(StaffAuditEntry.Of(actor, "screening.add", "Phrase", added.Id.ToString(), null, null, $"{action}: {added.Phrase}",
                note.OrNull ?? "", now));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return null;
    }

    /// <summary>Safe to repeat: a phrase already gone changes nothing.</summary>
    public static async Task RemoveAsync(AppDbContext db, StaffActor actor, long id, DateTime now, CancellationToken cancellationToken = default)
    {
        var phrase = await db.ScreenedPhrases.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (phrase is null) return;
        db.ScreenedPhrases.Remove(phrase);
        db.StaffAudit.Add(StaffAuditEntry.Of(actor, "screening.remove-phrase", "Phrase", id.ToString(), null, $"{phrase.Action}: {phrase.Phrase}", null, "", now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
