using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Search;

namespace RedMvc.Domain.Moderation;

/// <summary>
/// Screens what members write against the staff-kept list (decision 0036). The list is small, so each
/// node keeps a copy read from the database at most every RefreshEvery; the node that changes it forgets
/// its copy at once, others follow within seconds. Text and phrases are compared folded (NFKC makes
/// full-width Latin half-width, then lower case). A phrase that starts or ends with a Latin letter or
/// digit matches only at a word edge there ("ass" is not in "class"); Han characters match anywhere,
/// as Chinese has no spaces ("vx" is in "加vx").
/// </summary>
public sealed class Screening
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private IReadOnlyList<ListedPhrase> _list = [];
    private long _readAt = long.MinValue;

    /// <summary>The verdict on the texts of one post: Block wins over Hold, Hold over Pass.</summary>
    public async Task<ScreeningVerdict> JudgeAsync(AppDbContext db, IEnumerable<string?> texts, CancellationToken cancellationToken = default) =>
        Judge(await ListAsync(db, cancellationToken), texts);

    public Task<ScreeningVerdict> JudgeAsync(AppDbContext db, params string?[] texts) => JudgeAsync(db, texts, CancellationToken.None);

    /// <summary>After a change to the list on this node: the next post reads it again.</summary>
    public void Forget() => _readAt = long.MinValue;

    public static ScreeningVerdict Judge(IReadOnlyList<ListedPhrase> list, IEnumerable<string?> texts)
    {
        if (list.Count == 0) return ScreeningVerdict.Pass;
        var folded = texts.Where(t => !string.IsNullOrEmpty(t)).Select(Fold).ToList();
        ListedPhrase? held = null;
        foreach (var phrase in list)
        {
            if (phrase.Action == ScreenAction.Hold && held is not null) continue;
            if (!folded.Any(text => Contains(text, phrase.Folded))) continue;
            if (phrase.Action == ScreenAction.Block) return new ScreeningVerdict(ScreenAction.Block, phrase.Phrase);
            held = phrase;
        }
        return held is { } hold ? new ScreeningVerdict(ScreenAction.Hold, hold.Phrase) : ScreeningVerdict.Pass;
    }

    /// <summary>Text as it is compared: SearchText's folding, with every run of white space one space.</summary>
    public static string Fold(string? text)
    {
        var folded = SearchText.Fold(text);
        var result = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c)) result.Append(c);
            else if (result.Length > 0 && result[^1] != ' ') result.Append(' ');
        }
        return result.ToString().Trim();
    }

    private static bool Contains(string text, string phrase)
    {
        if (phrase.Length == 0) return false;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !IsLatinWord(phrase[0]) || !IsLatinWord(text[at - 1]))
                && (end == text.Length || !IsLatinWord(phrase[^1]) || !IsLatinWord(text[end]))) return true;
        }
        return false;
    }

    private static bool IsLatinWord(char c) => char.IsLetterOrDigit(c) && !SearchText.IsHan(c);

    private async Task<IReadOnlyList<ListedPhrase>> ListAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!IsStale()) return _list;
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (!IsStale()) return _list; // another request just read it
            // Block phrases first, so a post that holds and blocks is blocked without looking further.
            _list = await db.ScreenedPhrases.AsNoTracking().OrderBy(p => p.Action).ThenBy(p => p.Id)
                .Select(p => new ListedPhrase(p.Phrase, p.Folded, p.Action)).ToListAsync(cancellationToken);
            _readAt = Stopwatch.GetTimestamp();
            return _list;
        }
        finally
        {
            _reading.Release();
        }
    }

    private bool IsStale() => _readAt == long.MinValue || Stopwatch.GetElapsedTime(_readAt) > RefreshEvery;
}

/// <summary>One phrase of the list as matching needs it.</summary>
public sealed record ListedPhrase(string Phrase, string Folded, ScreenAction Action)
{
    public static ListedPhrase Of(string phrase, ScreenAction action) => new(phrase, Screening.Fold(phrase), action);
}

/// <summary>What screening says about a post: pass (no action), or block or hold for the phrase found.</summary>
public readonly record struct ScreeningVerdict(ScreenAction? Action, string? Phrase)
{
    public static readonly ScreeningVerdict Pass = default;

    public bool Blocks => Action == ScreenAction.Block;
    public bool Holds => Action == ScreenAction.Hold;

    /// <summary>The resource key of the refusal shown at posting (its argument is the phrase).</summary>
    public const string BlockedKey = "Screening.Blocked";
}
