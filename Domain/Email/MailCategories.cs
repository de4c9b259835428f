using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Email;

/// <summary>
/// The categories a member chooses for, with the choices each offers and its default: what a person
/// answers is worth hearing at once, applause once a day, and an order's step the moment it happens.
/// </summary>
public static class MailCategories
{
    /// <summary>In the order the settings page lists them.</summary>
    public static readonly IReadOnlyList<MailCategory> All =
    [
        MailCategory.RepliesAndMentions, MailCategory.Messages, MailCategory.LikesAndCollects, MailCategory.NewFollowers,
        MailCategory.Groups, MailCategory.OrderUpdates, MailCategory.WeeklyDigest,
    ];

    /// <summary>The categories made of site events, mailed at once or in the daily digest.</summary>
    public static readonly IReadOnlyList<MailCategory> OfEvents =
    [
        MailCategory.RepliesAndMentions, MailCategory.Messages, MailCategory.LikesAndCollects, MailCategory.NewFollowers, MailCategory.Groups,
    ];

    public static MailChoice DefaultOf(MailCategory category) => category switch
    {
        MailCategory.RepliesAndMentions or MailCategory.Messages or MailCategory.OrderUpdates => MailChoice.AtOnce,
        MailCategory.WeeklyDigest => MailChoice.Weekly,
        _ => MailChoice.DailyDigest,
    };

    /// <summary>An order's step waits for nobody, and the weekly digest is weekly or nothing.</summary>
    public static IReadOnlyList<MailChoice> ChoicesOf(MailCategory category) => category switch
    {
        MailCategory.OrderUpdates => [MailChoice.AtOnce, MailChoice.Off],
        MailCategory.WeeklyDigest => [MailChoice.Weekly, MailChoice.Off],
        _ => [MailChoice.AtOnce, MailChoice.DailyDigest, MailChoice.Off],
    };

    /// <summary>Only a category that exists, with one of its choices (a forged form may name any number).</summary>
    public static bool Allows(MailCategory category, MailChoice choice) => Enum.IsDefined(category) && ChoicesOf(category).Contains(choice);

    /// <summary>
    /// The category a notification is mailed under; null for notices from staff (report outcomes,
    /// penalties, appeals), which the member reads on the site's System tab and their standing page.
    /// </summary>
    public static MailCategory? Of(NotificationKind kind) => kind switch
    {
        NotificationKind.Comment or NotificationKind.Reply or NotificationKind.Mention
            or NotificationKind.GroupReply or NotificationKind.GroupMention => MailCategory.RepliesAndMentions,
        NotificationKind.Like or NotificationKind.Collect or NotificationKind.CommentLike
            or NotificationKind.ThreadLike or NotificationKind.GroupReplyLike => MailCategory.LikesAndCollects,
        NotificationKind.Follow => MailCategory.NewFollowers,
        NotificationKind.WatchedThreadReply or NotificationKind.AnswerAccepted or NotificationKind.JoinApproved => MailCategory.Groups,
        _ when Notification.IsFromStaff(kind) => null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A notification kind without a mail category."),
    };

    /// <summary>The notification kinds of a category (none for categories fed by other tables).</summary>
    public static IReadOnlyList<NotificationKind> KindsOf(MailCategory category) =>
        Enum.GetValues<NotificationKind>().Where(k => Of(k) == category).ToList();
}
