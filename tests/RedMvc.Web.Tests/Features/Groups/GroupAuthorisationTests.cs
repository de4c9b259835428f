namespace RedMvc.Web.Tests;

/// <summary>
/// Every groups route as a visitor, a non-member, a member, a moderator and the owner: who gets the
/// page or the change, who a sign-in, and who the same 404 as a wrong id.
/// </summary>
[Collection(SiteCollection.Name)]
public class GroupAuthorisationTests(RedMvcAppFactory site)
{
    public enum Who { Visitor, NonMember, Member, Moderator, Owner }

    private sealed record Cast(long GroupId, long ThreadId, long ReplyId, string MemberId, Dictionary<Who, Visitor> People);

    private Cast? _cast;

    private async Task<Cast> CastAsync()
    {
        if (_cast is not null) return _cast;
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync(isPrivate: true);
        var threadId = await owner.StartThreadAsync(groupId);
        var moderatorPerson = Person.New();
        var memberPerson = Person.New();
        var moderator = await site.ConfirmedMemberAsync(moderatorPerson);
        var member = await site.ConfirmedMemberAsync(memberPerson);
        foreach (var (visitor, person) in new[] { (moderator, moderatorPerson), (member, memberPerson) })
        {
            await visitor.JoinGroupAsync(groupId);
            await owner.SubmitAsync($"/groups/{groupId}/members", $"/groups/{groupId}/members/approve", new Dictionary<string, string> { ["UserId"] = await site.IdOfAsync(person) });
        }
        await owner.SubmitAsync($"/groups/{groupId}/members", $"/groups/{groupId}/members/appoint", new Dictionary<string, string> { ["UserId"] = await site.IdOfAsync(moderatorPerson) });
        var replyId = (await member.ReplyAsync(threadId, "成员的回复")).ReplyIdOf("成员的回复");
        return _cast = new Cast(groupId, threadId, replyId, await site.IdOfAsync(memberPerson), new()
        {
            [Who.Visitor] = site.CreateVisitor(), [Who.NonMember] = await site.ConfirmedMemberAsync(Person.New()),
            [Who.Member] = member, [Who.Moderator] = moderator, [Who.Owner] = owner,
        });
    }

    /// <summary>Pages: a private group's are a 404 to outsiders; the moderators' pages to members too; editing the group to all but the owner.</summary>
    [Theory]
    [InlineData("/groups/{g}", Who.Member)]
    [InlineData("/groups/{g}/members", Who.Member)]
    [InlineData("/groups/threads/{t}", Who.Member)]
    [InlineData("/groups/{g}/threads/new", Who.Member)]
    [InlineData("/groups/{g}/log", Who.Moderator)]
    [InlineData("/groups/{g}/reports", Who.Moderator)]
    [InlineData("/groups/{g}/edit", Who.Owner)]
    public async Task Pages_answer_only_those_they_are_for(string template, Who lowest)
    {
        var cast = await CastAsync();
        var url = template.Replace("{g}", cast.GroupId.ToString()).Replace("{t}", cast.ThreadId.ToString());
        foreach (var (who, visitor) in cast.People)
        {
            var page = await visitor.GetAsync(url);
            if (who >= lowest) Assert.True(page.Status == HttpStatusCode.OK, $"{who} at {url}: {page.Status}");
            else if (who == Who.Visitor && page.Url.StartsWith("/account/sign-in", StringComparison.Ordinal)) continue;
            else Assert.True(page.Status == HttpStatusCode.NotFound, $"{who} at {url}: {page.Status} {page.Url}");
        }
    }

    /// <summary>Moderators' acts: a visitor is sent to sign in, anyone below a moderator gets a 404 and nothing changes.</summary>
    [Theory]
    [InlineData("/groups/threads/{t}/pin")]
    [InlineData("/groups/threads/{t}/unpin")]
    [InlineData("/groups/threads/{t}/close")]
    [InlineData("/groups/threads/{t}/reopen")]
    [InlineData("/groups/threads/{t}/move")]
    [InlineData("/groups/threads/{t}/remove")]
    [InlineData("/groups/replies/{r}/remove")]
    [InlineData("/groups/{g}/members/approve")]
    [InlineData("/groups/{g}/members/reject")]
    [InlineData("/groups/{g}/members/mute")]
    [InlineData("/groups/{g}/members/unmute")]
    [InlineData("/groups/{g}/members/ban")]
    [InlineData("/groups/{g}/members/unban")]
    [InlineData("/groups/{g}/members/remove")]
    [InlineData("/groups/{g}/members/appoint")]
    [InlineData("/groups/{g}/members/dismiss")]
    [InlineData("/groups/{g}/slow-mode")]
    [InlineData("/groups/{g}/reports/1/resolve")]
    public async Task Moderators_acts_are_a_404_to_everyone_below_a_moderator(string template)
    {
        var cast = await CastAsync();
        var url = template.Replace("{g}", cast.GroupId.ToString()).Replace("{t}", cast.ThreadId.ToString()).Replace("{r}", cast.ReplyId.ToString());
        var fields = new Dictionary<string, string> { ["UserId"] = cast.MemberId, ["Days"] = "1", ["reason"] = "x", ["minutes"] = "5", ["toGroupId"] = cast.GroupId.ToString(), ["outcome"] = "Dismissed" };
        var before = await StateAsync(cast);
        foreach (var who in new[] { Who.Visitor, Who.NonMember, Who.Member })
        {
            var response = await site.PostRawAsync(cast.People[who], url, fields);
            if (who == Who.Visitor) Assert.Contains("/account/sign-in", response.RequestMessage!.RequestUri!.PathAndQuery);
            else Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(before, await StateAsync(cast));
    }

    [Theory]
    [InlineData(Who.Moderator)]
    [InlineData(Who.Owner)]
    public async Task Moderators_and_the_owner_pin_close_and_reopen(Who who)
    {
        var cast = await CastAsync();
        var actor = cast.People[who];
        var page = await actor.SubmitAsync($"/groups/threads/{cast.ThreadId}", $"/groups/threads/{cast.ThreadId}/close", new Dictionary<string, string>());
        Assert.Contains("Closed", page.Text);
        page = await page.SubmitAsync(actor.Client, $"/groups/threads/{cast.ThreadId}/reopen", new Dictionary<string, string>());
        Assert.DoesNotContain("This thread is closed", page.Text);
        page = await page.SubmitAsync(actor.Client, $"/groups/threads/{cast.ThreadId}/pin", new Dictionary<string, string>());
        Assert.Contains("Pinned", page.Document.QuerySelector(".thread__marks")!.TextContent);
        await page.SubmitAsync(actor.Client, $"/groups/threads/{cast.ThreadId}/unpin", new Dictionary<string, string>());
    }

    [Fact]
    public async Task Only_the_owner_appoints_moderators_and_a_moderator_cannot_act_on_another()
    {
        var cast = await CastAsync();
        var moderatorId = await site.Services.WithDbAsync(db => db.GroupMembers
            .Where(m => m.GroupId == cast.GroupId && m.Role == RedMvc.Domain.Groups.GroupRole.Moderator).Select(m => m.UserId).SingleAsync());
        Assert.Null((await cast.People[Who.Moderator].GetAsync($"/groups/{cast.GroupId}/members")).Document.QuerySelector("form[action$='/appoint']"));
        var appointed = await site.PostRawAsync(cast.People[Who.Moderator], $"/groups/{cast.GroupId}/members/appoint", new() { ["UserId"] = cast.MemberId });
        Assert.Contains("Only the group&#x27;s owner can do that.", await appointed.Content.ReadAsStringAsync());
        var response = await site.PostRawAsync(cast.People[Who.Moderator], $"/groups/{cast.GroupId}/members/ban", new() { ["UserId"] = moderatorId });
        Assert.Contains("You can only act on members below your role.", await response.Content.ReadAsStringAsync());
        Assert.Equal(RedMvc.Domain.Groups.MemberStatus.Active, await site.Services.WithDbAsync(db =>
            db.GroupMembers.Where(m => m.GroupId == cast.GroupId && m.UserId == moderatorId).Select(m => m.Status).SingleAsync()));
    }

    private Task<string> StateAsync(Cast cast) => site.Services.WithDbAsync(async db =>
    {
        var thread = await db.GroupThreads.AsNoTracking().SingleAsync(t => t.Id == cast.ThreadId);
        var reply = await db.GroupReplies.AsNoTracking().SingleAsync(r => r.Id == cast.ReplyId);
        var member = await db.GroupMembers.AsNoTracking().SingleAsync(m => m.GroupId == cast.GroupId && m.UserId == cast.MemberId);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == cast.GroupId);
        return $"{thread.GroupId} {thread.PinnedAt} {thread.ClosedAt} {thread.RemovedAt} {reply.RemovedAt} {member.Status} {member.Role} {member.MutedUntil} {group.SlowModeMinutes}";
    });
}
