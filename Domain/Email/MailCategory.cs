namespace RedMvc.Domain.Email;

/// <summary>What a notification mail is about; each has its own choice. The numbers are stored: add new ones at the end.</summary>
public enum MailCategory
{
    RepliesAndMentions = 1,
    LikesAndCollects = 2,
    NewFollowers = 3,
    Messages = 4,
    OrderUpdates = 5,
    Groups = 6,
    WeeklyDigest = 7,
}
