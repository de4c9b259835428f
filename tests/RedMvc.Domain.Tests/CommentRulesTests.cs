using RedMvc.Domain.Notes;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Tests;

public class CommentRulesTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public void A_reply_to_a_reply_stays_in_the_same_thread_two_levels_deep()
    {
        var top = Comment.OnNote(1, "ann", "好看！", Now);
        typeof(Comment).GetProperty(nameof(Comment.Id))!.SetValue(top, 10L); // as if saved
        var reply = Comment.ReplyTo(top, "bo", "同感", Now);
        typeof(Comment).GetProperty(nameof(Comment.Id))!.SetValue(reply, 11L);
        var replyToReply = Comment.ReplyTo(reply, "cy", "+1", Now);

        Assert.Equal(10, reply.ParentId);
        Assert.Equal(10, replyToReply.ParentId);
        Assert.Equal("bo", replyToReply.ReplyToUserId);
    }

    [Theory]
    [InlineData("ann", true)]   // wrote it
    [InlineData("owner", true)] // owns the note
    [InlineData("bo", false)]   // anyone else
    public void Who_may_delete_a_comment(string who, bool allowed) =>
        Assert.Equal(allowed, Comment.OnNote(1, "ann", "hi", Now).CanBeDeletedBy(who, "owner"));

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    [InlineData(0, false)]
    public void A_comment_holds_one_to_five_hundred_characters(int length, bool ok)
    {
        var make = () => Comment.OnNote(1, "ann", string.Concat(Enumerable.Repeat("😀", length)), Now);
        if (ok) make(); else Assert.Throws<NoteRuleException>(make);
    }

    [Fact]
    public void Deleting_clears_the_text_and_a_deleted_comment_takes_no_replies()
    {
        var comment = Comment.OnNote(1, "ann", "secret", Now);
        comment.Delete(Now);
        Assert.True(comment.IsDeleted);
        Assert.Equal("", comment.Body);
        Assert.Throws<NoteRuleException>(() => Comment.ReplyTo(comment, "bo", "?", Now));
    }
}
