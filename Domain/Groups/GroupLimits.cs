using RedMvc.Domain.Text;

namespace RedMvc.Domain.Groups;

/// <summary>Bound from "Groups". The text columns hold four UTF-16 units per visible character (TextRule).</summary>
public class GroupLimits
{
    public int NameMaxLength { get; set; } = 30;
    public int DescriptionMaxLength { get; set; } = 500;
    public int RulesMaxLength { get; set; } = 2000;
    public int TitleMaxLength { get; set; } = 80;
    public int BodyMaxLength { get; set; } = 5000;
    public int MaxPhotos { get; set; } = 9;

    /// <summary>How many groups one member may own.</summary>
    public int MaxOwnedGroups { get; set; } = 10;

    /// <summary>How long after posting an author may still edit a thread or reply.</summary>
    public TimeSpan EditWindow { get; set; } = TimeSpan.FromHours(24);

    public TextRule NameRule => TextRule.Line(NameMaxLength, required: true);
    public TextRule DescriptionRule => TextRule.Lines(DescriptionMaxLength);
    public TextRule RulesRule => TextRule.Lines(RulesMaxLength);
    public TextRule TitleRule => TextRule.Line(TitleMaxLength, required: true);
    public TextRule BodyRule => TextRule.Lines(BodyMaxLength, required: true);

    /// <summary>The longest any setting may make the columns: the configuration classes size them from these.</summary>
    public const int NameColumn = 50 * TextRule.UnitsPerCharacter;
    public const int DescriptionColumn = 1000 * TextRule.UnitsPerCharacter;
    public const int RulesColumn = 4000 * TextRule.UnitsPerCharacter;
    public const int TitleColumn = 100 * TextRule.UnitsPerCharacter;
    public const int BodyColumn = 10000 * TextRule.UnitsPerCharacter;
    public const int ReasonMaxLength = 200;
    public static readonly TextRule ReasonRule = TextRule.Line(ReasonMaxLength);
}
