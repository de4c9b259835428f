using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using RedMvc.Web.Features.Shared;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Visitors' copies of the public pages (note, profile, topic, shop, product) are output-cached
/// (OutputCaching.VisitorPages) and tagged with what they show; a change to that thing evicts the
/// tag, on every node when the pages live in Redis, so a visitor never sees an edit, a deletion, a
/// hidden note or a new price late. Counts (likes, collects, followers) may lag by the cache's
/// lifetime: they change on every click and evicting for them would empty the cache for nothing.
/// Changes made by jobs (a scheduled note going out, an order cancelled by the sweeper giving stock
/// back, a processed avatar) show when the copy expires. A note change also forgets this node's copy
/// of its card (NoteCards) and page content (NoteQueries); other nodes keep theirs for the half
/// minute those keep one.
/// </summary>
public sealed class PublicPages(IOutputCacheStore store, IMemoryCache memory)
{
    /// <summary>Every page that lists notes (profile, topic, shop, product): evicted when a note leaves them.</summary>
    public const string NoteListsTag = "note-lists";

    public static string NoteTag(long id) => $"note:{id}";
    public static string MemberTag(string id) => $"member:{id}";
    public static string ProductTag(long id) => $"product:{id}";
    public static string ShopTag(long id) => $"shop:{id}";

    /// <summary>Tags the page being rendered, if it is being stored for visitors.</summary>
    public static void Tag(HttpContext http, params IEnumerable<string> tags)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is not { AllowCacheStorage: true } context) return;
        foreach (var tag in tags) context.Tags.Add(tag);
    }

    /// <summary>This response must not be kept: it shows something about to change without an eviction (photos still processing).</summary>
    public static void DoNotKeep(HttpContext http)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is { } context) context.AllowCacheStorage = false;
    }

    /// <summary>The note's text, photos, comments or products changed: its page and the lists showing its card.</summary>
    public Task NoteChangedAsync(long noteId)
    {
        memory.Remove(NoteCards.ContentKey(noteId));
        memory.Remove(Features.Notes.NoteQueries.ContentKey(noteId));
        return EvictAsync(NoteTag(noteId), NoteListsTag);
    }

    /// <summary>Only the note's own page changed (comments, attached products, pins).</summary>
    public Task NotePageChangedAsync(long noteId) => EvictAsync(NoteTag(noteId));

    /// <summary>A member's name, bio, avatar or settings changed: their profile and their notes' pages.</summary>
    public Task MemberChangedAsync(string memberId) => EvictAsync(MemberTag(memberId));

    /// <summary>A member left: every page showing them or their notes.</summary>
    public Task MemberGoneAsync(string memberId) => EvictAsync(MemberTag(memberId), NoteListsTag);

    /// <summary>A product's text, photos, price, stock or state changed: its page, its shop and the notes showing it.</summary>
    public Task ProductChangedAsync(long productId, long shopId) => EvictAsync(ProductTag(productId), ShopTag(shopId));

    public Task ShopChangedAsync(long shopId) => EvictAsync(ShopTag(shopId));

    private async Task EvictAsync(params string[] tags)
    {
        foreach (var tag in tags) await store.EvictByTagAsync(tag, CancellationToken.None);
    }
}
