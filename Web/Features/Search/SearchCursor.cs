using System.Globalization;

namespace RedMvc.Web.Features.Search;

/// <summary>
/// Keyset position in a list of results: the last row's sort value and its id ("value_id"), and for notes
/// the ceiling of the window of candidates the first page sorted ("value_id_window"). The value is a
/// relevance score (written so that it reads back exactly), publish-time ticks or a count.
/// </summary>
public sealed record SearchCursor(string Value, string Id)
{
    /// <summary>Notes: the highest note id the first page's window of candidates could hold (docs/decisions/0038).</summary>
    public long? Window { get; init; }

    public static SearchCursor Of(double score, string id) => new(score.ToString("R", CultureInfo.InvariantCulture), id);

    public static SearchCursor Of(long value, string id) => new(value.ToString(CultureInfo.InvariantCulture), id);

    public override string ToString() => Window is { } window ? $"{Value}_{Id}_{window.ToString(CultureInfo.InvariantCulture)}" : $"{Value}_{Id}";

    public static SearchCursor? Parse(string? text)
    {
        if (text is null || text.Length > 200) return null;
        var parts = text.Split('_');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0)) return null;
        long? window = null;
        if (parts.Length == 3)
        {
            if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ceiling)) return null;
            window = ceiling;
        }
        return new SearchCursor(parts[0], parts[1]) { Window = window };
    }

    public double? Score => double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    public long? Number => long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public long? NumericId => long.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
