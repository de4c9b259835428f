using System.Globalization;

namespace RedMvc.Web.Features.Shared;

/// <summary>
/// Keyset position in the trending order: the last card's stored score and note id ("s{bits}-{id}",
/// the score's exact bits so equality holds). Stored scores do not move when the job reruns (TrendMaths.StoredScore).
/// </summary>
public record TrendCursor(double Score, long NoteId)
{
    public override string ToString() =>
        $"s{BitConverter.DoubleToInt64Bits(Score).ToString(CultureInfo.InvariantCulture)}-{NoteId.ToString(CultureInfo.InvariantCulture)}";

    public static TrendCursor? Parse(string? value)
    {
        var parts = value is ['s', ..] ? value[1..].Split('-') : null;
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var score = BitConverter.Int64BitsToDouble(bits);
        return double.IsFinite(score) ? new TrendCursor(score, id) : null;
    }
}
