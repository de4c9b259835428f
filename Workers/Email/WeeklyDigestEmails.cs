using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RedMvc.Domain.Data;
using RedMvc.Domain.Email;
using RedMvc.Domain.Notes;

namespace RedMvc.Workers.Email;

/// <summary>
/// The weekly digest: new notes from the people the member follows, and what those people added to
/// their public boards, each with its cover, in the member's language. Nobody can follow a board here,
/// so "boards I collect from" are the public boards of the people I follow. Only notes the member may
/// see are listed (NoteAccess); a week with nothing new sends nothing.
/// </summary>
public class WeeklyDigestEmails(OutboxMailer mailer, AppDbContext db, UnsubscribeLinks unsubscribe, IStringLocalizer<EmailStrings> localizer, SiteLinks links)
{
    public const int MaxNotes = 6;

    /// <returns>True when a digest was queued; false when there was nothing new or another run handled this week.</returns>
    public async Task<bool> QueueAsync(MailRecipient member, DateTime moment, CancellationToken cancellationToken)
    {
        await EmailPreferences.EnsureRowsAsync(db, member.Id, [MailCategory.WeeklyDigest], cancellationToken);
        var lastDigest = await db.EmailPreferences.Where(p => p.UserId == member.Id && p.Category == MailCategory.WeeklyDigest)
            .Select(p => p.LastDigestAt).SingleAsync(cancellationToken);
        var since = lastDigest is { } last && last > moment.AddDays(-7) ? last : moment.AddDays(-7);

        var fromFollowed = await FromFollowedAsync(member.Id, since, moment, cancellationToken);
        var collected = await CollectedByFollowedAsync(member.Id, since, moment, fromFollowed.Select(n => n.Id).ToList(), cancellationToken);
        if (fromFollowed.Count == 0 && collected.Count == 0)
        {
            await ClaimAsync(member.Id, moment, cancellationToken); // nothing new: this week is done
            return false;
        }

        var covers = await CoversAsync(fromFollowed.Select(n => n.Id).Concat(collected.Select(n => n.Id)).ToList(), cancellationToken);
        var culture = member.Culture ?? "zh-CN";
        var saved = CultureInfo.CurrentUICulture;
        EmailContent content;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var sections = new List<EmailSection>();
            if (fromFollowed.Count > 0)
                sections.Add(new EmailSection(localizer["Weekly.FromFollowed"],
                    fromFollowed.Select(n => Item(n, localizer["Weekly.By", n.Who].Value, covers)).ToList()));
            if (collected.Count > 0)
                sections.Add(new EmailSection(localizer["Weekly.Collected"],
                    collected.Select(n => Item(n, localizer["Weekly.CollectedBy", n.Who].Value, covers)).ToList()));
            content = new EmailContent(
                culture,
                Subject: localizer["Weekly.Subject", fromFollowed.Count + collected.Count],
                Heading: localizer["Weekly.Heading", member.DisplayName],
                Paragraphs: [localizer["Weekly.Body"]],
                ActionLabel: localizer["Weekly.Action"].Value,
                ActionUrl: links.Absolute("/"))
            {
                Sections = sections,
                Unsubscribe = unsubscribe.For(member.Id, [MailCategory.WeeklyDigest]),
            };
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
        return await mailer.QueueAsync("weekly-digest", member.Email, moment.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture), content,
            claim: token => ClaimAsync(member.Id, moment, token), cancellationToken);
    }

    /// <summary>Marks this week handled, unless another run did or the member turned the digest off meanwhile.</summary>
    private async Task<bool> ClaimAsync(string userId, DateTime moment, CancellationToken cancellationToken) =>
        await db.EmailPreferences
            .Where(p => p.UserId == userId && p.Category == MailCategory.WeeklyDigest && p.Choice == MailChoice.Weekly
                && (p.LastDigestAt == null || p.LastDigestAt < moment))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastDigestAt, moment), cancellationToken) == 1;

    private sealed record DigestNote(long Id, string Title, string Who);

    private Task<List<DigestNote>> FromFollowedAsync(string memberId, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var followed = db.Follows.Where(f => f.FollowerId == memberId).Select(f => f.FolloweeId);
        return db.Notes.AsNoTracking().WhereListedFor(db, memberId)
            .Where(n => followed.Contains(n.AuthorId) && n.PublishedAt > since && n.PublishedAt <= until)
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Take(MaxNotes)
            .Select(n => new DigestNote(n.Id, n.Title, db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? "—"))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Notes the people I follow put in their public boards this week (collectors who hide their collects are left out), newest first, one line per note.</summary>
    private async Task<List<DigestNote>> CollectedByFollowedAsync(string memberId, DateTime since, DateTime until, List<long> alreadyListed, CancellationToken cancellationToken)
    {
        var followed = db.Follows.Where(f => f.FollowerId == memberId).Select(f => f.FolloweeId);
        var visible = db.Notes.WhereListedFor(db, memberId).Where(n => n.AuthorId != memberId && !alreadyListed.Contains(n.Id));
        var rows = await db.Collects.AsNoTracking()
            .Where(c => c.CreatedAt > since && c.CreatedAt <= until && followed.Contains(c.UserId)
                && db.Boards.Any(b => b.Id == c.BoardId && !b.IsPrivate)
                && db.Users.Any(u => u.Id == c.UserId && !u.HideCollects))
            .Join(visible, c => c.NoteId, n => n.Id, (c, n) => new { n.Id, n.Title, c.UserId, c.CreatedAt })
            .OrderByDescending(r => r.CreatedAt)
            .Take(MaxNotes * 4)
            .ToListAsync(cancellationToken);
        var picked = rows.DistinctBy(r => r.Id).Take(MaxNotes).ToList();
        var collectorIds = picked.Select(r => r.UserId).Distinct().ToList();
        var names = await db.Users.Where(u => collectorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return picked.Select(r => new DigestNote(r.Id, r.Title, names.GetValueOrDefault(r.UserId, "—"))).ToList();
    }

    /// <summary>Each note's first ready photo, as the narrowest JPEG (mail programs do not all show WebP).</summary>
    private async Task<Dictionary<long, string>> CoversAsync(List<long> noteIds, CancellationToken cancellationToken)
    {
        var photos = await db.NotePhotos.AsNoTracking()
            .Where(p => noteIds.Contains(p.NoteId) && p.Status == PhotoStatus.Ready && p.ContentHash != null)
            .OrderBy(p => p.NoteId).ThenBy(p => p.Position)
            .ToListAsync(cancellationToken);
        return photos.GroupBy(p => p.NoteId).Select(g => g.First()).Where(p => p.WidthList.Count > 0)
            .ToDictionary(p => p.NoteId, p => links.Absolute($"/media/{NotePhoto.PublicKey(p.ContentHash!, p.WidthList.Min(), "jpg")}"));
    }

    private EmailItem Item(DigestNote note, string line, Dictionary<long, string> covers) =>
        new(note.Title.Length > 0 ? note.Title : localizer["Weekly.Untitled"].Value, links.Absolute($"/notes/{note.Id}"), line, covers.GetValueOrDefault(note.Id));
}
