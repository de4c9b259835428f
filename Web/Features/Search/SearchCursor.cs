using System.Globalization;

namespace RedMvc.Web.Features.Search;

/// <summary>
/// Keyset position in a list of results: the last row's sort value and its id ("value_id"). The value
/// is a relevance score (written so that it reads back exactly), publish-time ticks or a count.
/// </summary>
public sealed record SearchCursor(string Value, string Id)
{
    public static SearchCursor Of(double score, string id) => new(score.ToString("R", CultureInfo.InvariantCulture), id);

    public static SearchCursor Of(long value, string id) => new(value.ToString(CultureInfo.InvariantCulture), id);

    public override string ToString() => $"{Value}_{Id}";

    public static SearchCursor? Parse(string? text)
    {
        var cut = text?.IndexOf('_') ?? -1;
        if (cut <= 0 || cut == text!.Length - 1 || text.Length > 200) return null;
        return new SearchCursor(text[..cut], text[(cut + 1)..]);
    }

    public double? Score => double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    public long? Number => long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public long? NumericId => long.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
