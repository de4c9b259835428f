using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Seed;

/// <summary>
/// A staff queue with something in it: open reports on a comment (two reporters), a note and a profile;
/// a comment staff removed whose author appealed (for the demo admin to decide, since staff gave it);
/// a dismissed report. Everything goes through Report and ModerationDesk, so notices and the audit
/// log come out as they would on the live site. Decisions are made now: their notices come after every
/// back-dated demo notice, so notification ids still follow their times. The screening list gets three
/// phrases, added by the demo staff member through ScreeningList as staff would add them.
/// </summary>
public class DemoModeration(AppDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var staff = await db.Users.Where(u => u.Email == DemoSeeder.StaffEmail).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (staff is not null) await ScreeningPhrasesAsync(new StaffActor(staff, "127.0.0.1"), cancellationToken);
        if (await db.Reports.AnyAsync(cancellationToken)) return;
        var readers = await db.Users.Where(u => u.Email!.EndsWith("@readers." + DemoSeeder.DemoDomain)).OrderBy(u => u.Handle).Select(u => u.Id).Take(4).ToListAsync(cancellationToken);
        var comments = await db.Comments.Where(c => c.DeletedAt == null && !readers.Contains(c.AuthorId)).OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.AuthorId }).Take(2).ToListAsync(cancellationToken);
        var note = await db.Notes.Where(n => n.Status == Domain.Notes.NoteStatus.Published).OrderByDescending(n => n.LikeCount)
            .Select(n => new { n.Id, n.AuthorId }).FirstOrDefaultAsync(cancellationToken);
        if (staff is null || readers.Count < 4 || comments.Count < 2 || note is null) return;
        var now = clock.GetUtcNow().UtcDateTime;

        async Task FileAsync(string reporter, ReportTarget target, string id, string author, ReportCategory category, string details, int hoursAgo) =>
            await Report.FileAsync(db, reporter, target, id, author, null, category, details, now.AddHours(-hoursAgo), cancellationToken);

        await FileAsync(readers[0], ReportTarget.Comment, comments[0].Id.ToString(), comments[0].AuthorId, ReportCategory.Harassment, "评论区阴阳怪气", 5);
        await FileAsync(readers[1], ReportTarget.Comment, comments[0].Id.ToString(), comments[0].AuthorId, ReportCategory.Harassment, "", 3);
        await FileAsync(readers[2], ReportTarget.Note, note.Id.ToString(), note.AuthorId, ReportCategory.UndisclosedAd, "感觉是广告但没有标注合作", 20);
        await FileAsync(readers[3], ReportTarget.Profile, note.AuthorId, note.AuthorId, ReportCategory.Spam, "", 30);

        var actor = new StaffActor(staff, "127.0.0.1");
        await FileAsync(readers[0], ReportTarget.Comment, comments[1].Id.ToString(), comments[1].AuthorId, ReportCategory.Spam, "引流广告", 50);
        await ModerationDesk.ActAsync(db, actor, new ModerationOrder(ReportTarget.Comment, comments[1].Id.ToString(), StaffDecision.Remove,
            ReportCategory.Spam, "评论中有站外引流链接。Links that lead people off the site to sell are not allowed in comments."), now, cancellationToken);
        var penalty = await db.Penalties.OrderByDescending(p => p.Id).FirstAsync(cancellationToken);
        penalty.Appeal("那是我自己店铺的链接，不是广告，以后不会再发了。", now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ScreeningPhrasesAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        if (await db.ScreenedPhrases.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await ScreeningList.AddAsync(db, actor, "高仿", ScreenAction.Block, "Counterfeit goods / 仿冒商品", now, cancellationToken);
        await ScreeningList.AddAsync(db, actor, "兼职刷单", ScreenAction.Block, "Fake-order job scams / 刷单诈骗", now, cancellationToken);
        await ScreeningList.AddAsync(db, actor, "加vx", ScreenAction.Hold, "Leads people off the site / 站外引流", now, cancellationToken);
    }
}
