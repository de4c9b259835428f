namespace RedMvc.Domain.Moderation;

/// <summary>
/// One staff action, appended in the same transaction as the action. The site has no way to change
/// or delete an entry: no method here changes one, and no screen or job removes them.
/// </summary>
public class StaffAuditEntry
{
    private StaffAuditEntry() { }

    public long Id { get; private set; }
    public string ActorId { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string TargetKind { get; private set; } = "";
    public string TargetId { get; private set; } = "";

    /// <summary>The member the action was about, when there is one: their page lists it.</summary>
    public string? TargetUserId { get; private set; }

    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string Reason { get; private set; } = "";
    public string? Address { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static StaffAuditEntry Of(StaffActor actor, string action, string targetKind, string targetId, string? targetUserId,
        string? before, string? after, string reason, DateTime now) => new()
    {
        ActorId = actor.StaffId,
        Address = actor.Address,
        Action = action,
        TargetKind = targetKind,
        TargetId = targetId,
        TargetUserId = targetUserId,
        Before = Clip(before),
        After = Clip(after),
        Reason = reason,
        CreatedAt = now,
    };

    private static string? Clip(string? value) => value is { Length: > 2000 } ? value[..2000] : value;
}

/// <summary>Who acts and from where, as the audit log records it.</summary>
public readonly record struct StaffActor(string StaffId, string? Address);
