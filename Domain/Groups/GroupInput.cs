namespace RedMvc.Domain.Groups;

/// <summary>What the group form sends; checked against GroupLimits by GroupMemberships.</summary>
public record GroupInput(string? Name, string? Description, string? Rules, string? Channel, bool IsPrivate)
{
    /// <summary>The input as it is stored (normalised) and its problems as (field, resource key).</summary>
    public (GroupInput Input, IReadOnlyList<(string Field, string Error)> Problems) Check(GroupLimits limits)
    {
        var problems = new List<(string, string)>();
        var name = limits.NameRule.Check(Name);
        var description = limits.DescriptionRule.Check(Description);
        var rules = limits.RulesRule.Check(Rules);
        if (name.ErrorKey("Group.Error.NameRequired", "Group.Error.NameTooLong") is { } nameError) problems.Add((nameof(Name), nameError));
        if (description.ErrorKey("Group.Error.DescriptionTooLong") is { } descriptionError) problems.Add((nameof(Description), descriptionError));
        if (rules.ErrorKey("Group.Error.RulesTooLong") is { } rulesError) problems.Add((nameof(Rules), rulesError));
        if (!Notes.Channels.IsKnown(Channel) || Channel == Notes.Channels.Recommended) problems.Add((nameof(Channel), "Group.Error.Channel"));
        return (this with { Name = name.Value, Description = description.OrNull, Rules = rules.OrNull }, problems);
    }
}
