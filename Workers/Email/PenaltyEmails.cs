using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Time;

namespace RedMvc.Workers.Email;

/// <summary>
/// Staff decisions reach the member by mail as well as in the System tab: a suspended member cannot
/// sign in to read a notice. These are account mails (always sent, like a lockout), one per penalty and
/// one per decided appeal: the outbox key makes a repeated call a no-op, so callers just ask to
/// "mail what is new" for a member after any decision.
/// </summary>
public class PenaltyEmails(OutboxMailer mailer, AppDbContext db, IStringLocalizer<EmailStrings> localizer,
    IOptions<SiteOptions> site, SiteLinks links, TimeProvider clock)
{
    public const string PenaltyPurpose = "penalty";
    public const string AppealPurpose = "appeal-decided";

    /// <summary>How far back a decision still counts as news (older ones were mailed when they were made).</summary>
    private static readonly TimeSpan NewsWindow = TimeSpan.FromDays(1);

    public async Task MailNewsAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == memberId, cancellationToken);
        if (member?.Email is null) return;
        var since = clock.GetUtcNow().UtcDateTime - NewsWindow;
        var penalties = await db.Penalties.AsNoTracking()
            .Where(p => p.UserId == memberId && (p.StartsAt > since || p.AppealDecidedAt > since)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        foreach (var penalty in penalties)
        {
            if (penalty.StartsAt > since) await QueueAsync(PenaltyPurpose, member, penalty, $"Penalty.{penalty.Kind}", cancellationToken);
            if (penalty.AppealDecidedAt > since) await QueueAsync(AppealPurpose, member, penalty, $"Appeal.{penalty.AppealDecision}", cancellationToken);
        }
    }

    private async Task QueueAsync(string purpose, AppUser member, Penalty penalty, string kind, CancellationToken cancellationToken)
    {
        var culture = member.Culture ?? "zh-CN";
        var saved = CultureInfo.CurrentUICulture;
        EmailContent content;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var times = new Times(TimeZones.Find(member.TimeZone) ?? TimeZones.SiteDefault(site.Value.TimeZone), clock);
            var until = penalty.EndsAt is { } end ? $"{times.Minute(end)} ({times.Offset(end)})" : "";
            content = new EmailContent(
                culture,
                Subject: localizer[$"{kind}.Subject"],
                Heading: localizer[$"{kind}.Heading", member.DisplayName],
                Paragraphs: [localizer[$"{kind}.Body", until], localizer["Penalty.Why", localizer[$"Rule.{penalty.Rule}"], penalty.Reason]],
                ActionLabel: localizer[$"{kind}.Action"].Value,
                ActionUrl: links.Absolute(WhereToRead(penalty, purpose)),
                Footnote: localizer[$"{kind}.Footnote"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
        await mailer.QueueAsync(purpose, member.Email!, penalty.Id.ToString(CultureInfo.InvariantCulture), content, cancellationToken);
    }

    /// <summary>A member still suspended reads and appeals from the page that signing in leads to; everyone else from their standing page.</summary>
    private static string WhereToRead(Penalty penalty, string purpose) =>
        penalty.Kind == PenaltyKind.Suspension && !(purpose == AppealPurpose && penalty.AppealDecision == AppealDecision.Overturned)
            ? "/account/sign-in"
            : "/settings/standing";
}
