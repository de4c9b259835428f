namespace RedMvc.Domain.Accounts;

/// <summary>
/// An erased account's leftovers outside the database: the notes whose photo files the photo job
/// removes, the avatar and shop logo files, and a data export zip. TombstoneId is the anonymous
/// account that now holds the kept records (orders, payments, the shop), or null when none were kept.
/// </summary>
public sealed record ErasedAccount(
    string UserId,
    string? TombstoneId,
    IReadOnlyList<long> NoteIds,
    string? AvatarKey,
    string? PendingAvatarKey,
    string? ShopLogoKey,
    string? DataExportKey);
