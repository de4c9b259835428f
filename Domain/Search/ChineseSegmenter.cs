using JiebaNet.Segmenter;

namespace RedMvc.Domain.Search;

/// <summary>
/// jieba.NET behind a lock. Its dictionary is one process-wide static that is not safe to change while
/// another thread cuts (jieba.NET issue #56), so cutting shares a read lock and adding words takes the
/// write lock. The dictionary files are copied from the package into "jieba" beside the assemblies
/// (Domain's project file), so the site, the workers and the tests all find them the same way.
/// </summary>
public sealed class ChineseSegmenter
{
    public static readonly ChineseSegmenter Instance = new();

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly HashSet<string> _userWords = [];
    private readonly JiebaSegmenter _jieba;

    private ChineseSegmenter()
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        _jieba = new JiebaSegmenter();
        // The main dictionary loads lazily on the first cut; load it now, not inside someone's search.
        _jieba.Cut("初始化").ToList();
    }

    /// <summary>Words and sub-words of a run of Han characters, as a search engine indexes them.</summary>
    public IReadOnlyList<string> CutForSearch(string han) => Read(() => _jieba.CutForSearch(han).ToList());

    /// <summary>The words of a run of Han characters, each once, as someone typing a query means them.</summary>
    public IReadOnlyList<string> Cut(string han) => Read(() => _jieba.Cut(han).ToList());

    /// <summary>Adds topics, product and brand names so they segment as one word; words already known are skipped.</summary>
    public void AddWords(IEnumerable<string> words)
    {
        var fresh = words.Select(w => w.Trim()).Where(w => w.Length is > 1 and <= 20 && w.Any(SearchText.IsHan)).ToList();
        _lock.EnterWriteLock();
        try
        {
            foreach (var word in fresh)
                if (_userWords.Add(word)) _jieba.AddWord(word);
        }
        finally { _lock.ExitWriteLock(); }
    }

    private T Read<T>(Func<T> cut)
    {
        _lock.EnterReadLock();
        try { return cut(); }
        finally { _lock.ExitReadLock(); }
    }
}
