namespace RedMvc.Domain.Text;

/// <summary>
/// The limits of one field of user text: visible characters (graphemes), stored UTF-16 units (never
/// more than the column holds), one line or several, and whether it may be left empty.
/// </summary>
public sealed record TextRule(int MaxLength, int MaxUnits, bool MultiLine = false, bool Required = false)
{
    /// <summary>
    /// Stored units allowed per visible character on average. Chinese and Latin text take one unit,
    /// most emoji two, flags and skin tones four; a ZWJ family takes eleven, so a field written only in
    /// families holds fewer of them. Four keeps every column at four times its visible limit.
    /// </summary>
    public const int UnitsPerCharacter = 4;

    /// <summary>A one-line field (title, name): no line breaks, no control or text-direction characters.</summary>
    public static TextRule Line(int maxLength, bool required = false) => new(maxLength, maxLength * UnitsPerCharacter, false, required);

    /// <summary>A text area (body, description): keeps line breaks as \n.</summary>
    public static TextRule Lines(int maxLength, bool required = false) => new(maxLength, maxLength * UnitsPerCharacter, true, required);

    public CheckedText Check(string? raw) => UserText.Check(raw, this);
}
