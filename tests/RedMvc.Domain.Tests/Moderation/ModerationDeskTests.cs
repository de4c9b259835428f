using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Tests.Moderation;

/// <summary>Staff decisions through the real migrations: what changes, what is recorded, who is told.</summary>
public sealed class ModerationDeskTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private MigratedSqlite _database = null!;
    private AppUser _author = null!, _reporter = null!, _staff = null!, _otherStaff = null!;
    private Note _note = null!;
    private StaffActor Staff => new(_staff.Id, "127.0.0.1");

    public async Task InitializeAsync()
    {
        _database = await MigratedSqlite.CreateAsync();
        (_author, _reporter, _staff, _otherStaff) = (Members.New(), Members.New(), Members.New(), Members.New());
        _database.Db.Users.AddRange(_author, _reporter, _staff, _otherStaff);
        _note = Note.Draft(_author.Id, new NoteContent("Cheap pills", "buy now", "food", null, NoteVisibility.Public, false), Now);
        _note.AddPhoto(new NotePhoto("originals/x", "a.jpg", 0));
        _note.Publish(Now, new NoteLimits());
        _database.Db.Notes.Add(_note);
        await _database.Db.SaveChangesAsync();
        await Report.FileAsync(_database.Db, _reporter.Id, ReportTarget.Note, _note.Id.ToString(), _author.Id, null, ReportCategory.Spam, "spam", Now);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<string?> ActAsync(StaffDecision action, string? reason = "Selling pills", int muteDays = 0, DateTime? at = null, StaffActor? actor = null) =>
        ModerationDesk.ActAsync(_database.Db, actor ?? Staff, new ModerationOrder(ReportTarget.Note, _note.Id.ToString(), action, ReportCategory.Spam, reason, muteDays), at ?? Now);

    private async Task<T> FreshAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        _database.Db.ChangeTracker.Clear();
        return await read(_database.Db);
    }

    [Fact]
    public async Task Removing_hides_the_note_warns_the_author_resolves_the_report_tells_both_and_is_audited()
    {
        Assert.Null(await ActAsync(StaffDecision.Remove));

        var note = await FreshAsync(db => db.Notes.SingleAsync());
        Assert.Equal(("Selling pills", ReportCategory.Spam), (note.RemovalReason, note.RemovalRule));
        Assert.False(await NoteAccess.CanSeeAsync(_database.Db, note.Id, _reporter.Id));
        Assert.True(await NoteAccess.CanSeeAsync(_database.Db, note.Id, _author.Id));
        var penalty = await _database.Db.Penalties.SingleAsync();
        Assert.Equal((PenaltyKind.Warning, _author.Id, ReportTarget.Note), (penalty.Kind, penalty.UserId, penalty.Target!.Value));
        var report = await _database.Db.Reports.SingleAsync();
        Assert.Equal((ReportOutcome.Removed, _staff.Id), (report.Outcome!.Value, report.ResolvedById));
        var notices = await _database.Db.Notifications.OrderBy(n => n.Id).Select(n => new { n.RecipientId, n.Kind, n.Tab }).ToListAsync();
        Assert.Contains(new { RecipientId = _reporter.Id, Kind = NotificationKind.ReportOutcome, Tab = NotificationTab.System }, notices);
        Assert.Contains(new { RecipientId = _author.Id, Kind = NotificationKind.PenaltyGiven, Tab = NotificationTab.System }, notices);
        var entry = await _database.Db.StaffAudit.SingleAsync();
        Assert.Equal(("note.remove", _staff.Id, _author.Id, "127.0.0.1"), (entry.Action, entry.ActorId, entry.TargetUserId, entry.Address));
        Assert.StartsWith("shown", entry.Before);
        Assert.StartsWith("removed", entry.After);
    }

    [Fact]
    public async Task Each_removal_within_the_strike_window_climbs_the_ladder_to_suspension()
    {
        var kinds = new List<(PenaltyKind, DateTime?)>();
        for (var i = 0; i < 5; i++)
        {
            await ActAsync(StaffDecision.Restore, at: Now.AddDays(i));
            await ActAsync(StaffDecision.Remove, at: Now.AddDays(i).AddHours(1));
            // Restoring lifts the strike it came with, so each round gives the author a strike of a new note in effect.
            var latest = await FreshAsync(db => db.Penalties.OrderByDescending(p => p.Id).FirstAsync());
            kinds.Add((latest.Kind, latest.EndsAt));
            await _database.Db.Penalties.ExecuteUpdateAsync(s => s.SetProperty(p => p.Target, (ReportTarget?)null));
        }

        Assert.Equal([PenaltyKind.Warning, PenaltyKind.Mute, PenaltyKind.Mute, PenaltyKind.Mute, PenaltyKind.Suspension], kinds.Select(k => k.Item1));
        var author = await FreshAsync(db => db.Users.SingleAsync(u => u.Id == _author.Id));
        Assert.NotNull(author.SuspendedAt);
        Assert.NotNull((await _database.Db.Notes.SingleAsync()).AuthorSuspendedAt);
    }

    [Fact]
    public async Task A_mute_stops_posting_until_it_ends()
    {
        await ActAsync(StaffDecision.Mute, muteDays: 7);

        Assert.Equal(Now.AddDays(7), await AccountStanding.MutedUntilAsync(_database.Db, _author.Id, Now.AddDays(6)));
        Assert.Null(await AccountStanding.MutedUntilAsync(_database.Db, _author.Id, Now.AddDays(7)));
    }

    [Fact]
    public async Task Suspending_hides_the_notes_and_changes_the_security_stamp_and_restoring_undoes_both()
    {
        var stamp = _author.SecurityStamp;
        await ActAsync(StaffDecision.Suspend);
        var suspended = await FreshAsync(db => db.Users.SingleAsync(u => u.Id == _author.Id));
        Assert.NotEqual(stamp, suspended.SecurityStamp);
        Assert.False(await NoteAccess.CanSeeAsync(_database.Db, _note.Id, null));

        Assert.Null(await AccountStanding.RestoreAccountAsync(_database.Db, Staff, _author.Id, "Cleared after review", Now.AddDays(1)));

        var restored = await FreshAsync(db => db.Users.SingleAsync(u => u.Id == _author.Id));
        Assert.Null(restored.SuspendedAt);
        Assert.True(await NoteAccess.CanSeeAsync(_database.Db, _note.Id, null));
        Assert.Equal(["note.suspend", "account.restore"], await _database.Db.StaffAudit.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task An_overturned_appeal_restores_the_note_and_lifts_the_mute()
    {
        await ActAsync(StaffDecision.Restore);
        await ActAsync(StaffDecision.Mute, muteDays: 30);
        await ActAsync(StaffDecision.Remove);
        var removal = await FreshAsync(db => db.Penalties.OrderByDescending(p => p.Id).FirstAsync());
        Assert.Equal(PenaltyKind.Mute, removal.Kind); // the second strike

        removal.Appeal("It is a herbal tea recipe.", Now.AddDays(2));
        await _database.Db.SaveChangesAsync();
        Assert.Equal("Admin.Error.OwnPenalty", await ModerationDesk.DecideAppealAsync(_database.Db, Staff, removal.Id, AppealDecision.Overturned, "ok", Now.AddDays(3)));
        Assert.Null(await ModerationDesk.DecideAppealAsync(_database.Db, new StaffActor(_otherStaff.Id, null), removal.Id, AppealDecision.Overturned, "A recipe indeed", Now.AddDays(3)));

        Assert.Null((await FreshAsync(db => db.Notes.SingleAsync())).RemovedAt);
        var author = await _database.Db.Users.SingleAsync(u => u.Id == _author.Id);
        Assert.Equal(Now.AddDays(30), author.MutedUntil); // the explicit 30-day mute still stands
        Assert.True(await _database.Db.Notifications.AnyAsync(n => n.RecipientId == _author.Id && n.Kind == NotificationKind.AppealDecided));
    }

    [Theory]
    [InlineData(StaffDecision.Remove, "", 0, "Admin.Error.Reason")]
    [InlineData(StaffDecision.Mute, "why", 3, "Admin.Error.MuteDays")]
    public async Task A_decision_without_a_reason_or_with_an_odd_mute_changes_nothing(StaffDecision action, string reason, int days, string error)
    {
        Assert.Equal(error, await ActAsync(action, reason, days));

        Assert.Null((await FreshAsync(db => db.Notes.SingleAsync())).RemovedAt);
        Assert.False(await _database.Db.Penalties.AnyAsync());
        Assert.False(await _database.Db.StaffAudit.AnyAsync());
        Assert.True((await _database.Db.Reports.SingleAsync()).IsOpen);
    }

    [Fact]
    public async Task A_claimed_report_is_left_to_the_staff_member_who_claimed_it()
    {
        await ModerationDesk.ClaimAsync(_database.Db, _otherStaff.Id, ReportTarget.Note, _note.Id.ToString());

        Assert.Equal("Admin.Error.ClaimedByOther", await ActAsync(StaffDecision.Remove));
        Assert.Null(await ActAsync(StaffDecision.Dismiss, actor: new StaffActor(_otherStaff.Id, null)));
        Assert.Equal(ReportOutcome.Dismissed, (await FreshAsync(db => db.Reports.SingleAsync())).Outcome);
    }

    [Fact]
    public async Task A_removed_comment_leaves_the_count_and_comes_back_with_it()
    {
        var comment = Comment.OnNote(_note.Id, _reporter.Id, "rude words", Now);
        _database.Db.Comments.Add(comment);
        await _database.Db.SaveChangesAsync();
        await NoteCountAsync(1);
        var order = new ModerationOrder(ReportTarget.Comment, comment.Id.ToString(), StaffDecision.Remove, ReportCategory.Harassment, "Insults");

        Assert.Null(await ModerationDesk.ActAsync(_database.Db, Staff, order, Now));
        Assert.Equal(0, (await FreshAsync(db => db.Notes.SingleAsync())).CommentCount);
        Assert.Null(await ModerationDesk.ActAsync(_database.Db, Staff, order with { Action = StaffDecision.Restore }, Now));
        Assert.Equal(1, (await FreshAsync(db => db.Notes.SingleAsync())).CommentCount);
        Assert.Equal("Admin.Error.NotForThis", await ModerationDesk.ActAsync(_database.Db, Staff, order with { Action = StaffDecision.LimitReach }, Now));
    }

    private Task NoteCountAsync(int count) =>
        _database.Db.Notes.ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, count));
}
