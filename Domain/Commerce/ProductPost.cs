namespace RedMvc.Domain.Commerce;

/// <summary>What a brand submits when creating or editing a product: text, variant rows, photos removed and how many arrive.</summary>
public record ProductPost(string Title, string Description, string Category, IReadOnlyList<VariantInput> Variants,
    IReadOnlyList<long> RemovePhotoIds, int NewPhotoCount)
{
    public const string PhotosField = "Photos";
    public const string VariantsField = "Variants";

    public static string VariantField(int row, string part) => $"{VariantsField}[{row}].{part}";
}
