namespace RedMvc.Domain.Groups;

/// <summary>A thread's title and body as the form sends them; a reply uses the body only.</summary>
public record PostInput(string? Title, string? Body)
{
    public const string TitleField = "Title";
    public const string BodyField = "Body";

    /// <summary>The text as stored and its problems as (field, resource key); a reply has no title to check.</summary>
    public (string Title, string Body, IReadOnlyList<(string Field, string Error)> Problems) Check(GroupLimits limits, bool withTitle)
    {
        var problems = new List<(string, string)>();
        var title = withTitle ? limits.TitleRule.Check(Title) : default;
        var body = limits.BodyRule.Check(Body);
        if (withTitle && title.ErrorKey("Group.Error.TitleRequired", "Group.Error.TitleTooLong") is { } titleError) problems.Add((TitleField, titleError));
        if (body.ErrorKey("Group.Error.BodyRequired", "Group.Error.BodyTooLong") is { } bodyError) problems.Add((BodyField, bodyError));
        return (title.Value ?? "", body.Value, problems);
    }
}
