using RedMvc.Domain.Text;

namespace RedMvc.Domain.Commerce;

/// <summary>A variant in a member's cart, with the note it was found in (attribution travels to the order line).</summary>
public class CartItem
{
    public const int MaxQuantity = 99;

    private CartItem() { }

    public CartItem(string userId, long variantId, int quantity, long? noteId, DateTime now)
    {
        UserId = userId;
        VariantId = variantId;
        NoteId = noteId;
        AddedAt = now;
        SetQuantity(quantity);
    }

    public string UserId { get; private set; } = "";
    public long VariantId { get; private set; }
    public int Quantity { get; private set; }
    public long? NoteId { get; private set; }
    public DateTime AddedAt { get; private set; }

    public void SetQuantity(int quantity)
    {
        if (quantity is < 1 or > MaxQuantity) throw new ShopRuleException("Cart.Error.Quantity");
        Quantity = quantity;
    }

    /// <summary>Adding the same variant again adds to the quantity (capped) and keeps the newest note as the source.</summary>
    public void AddMore(int quantity, long? noteId)
    {
        SetQuantity(Math.Min(MaxQuantity, Quantity + Math.Max(1, quantity)));
        if (noteId is not null) NoteId = noteId;
    }
}

/// <summary>An entry of a member's address book (mainland China format).</summary>
public class Address
{
    private Address() { }

    public Address(string userId, ShippingAddress value, bool isDefault)
    {
        UserId = userId;
        Update(value);
        IsDefault = isDefault;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string Province { get; private set; } = "";
    public string City { get; private set; } = "";
    public string District { get; private set; } = "";
    public string Line { get; private set; } = "";
    public bool IsDefault { get; set; }

    public ShippingAddress Value => new(Name, Phone, Province, City, District, Line);

    public void Update(ShippingAddress value)
    {
        var (clean, problems) = AddressRules.Check(value);
        if (problems.Count > 0) throw new ShopRuleException(problems[0].Error);
        (Name, Phone, Province, City, District, Line) = clean;
    }
}

public static class AddressRules
{
    public static readonly TextRule PartRule = TextRule.Line(20, required: true);
    public static readonly TextRule LineRule = TextRule.Line(100, required: true);

    /// <summary>Problems as (field, resource key) pairs; mobile numbers are 11 digits starting with 1.</summary>
    public static IReadOnlyList<(string Field, string Error)> Problems(ShippingAddress a) => Check(a).Problems;

    /// <summary>The address as stored (each part cleaned by UserText) and its problems.</summary>
    public static (ShippingAddress Address, IReadOnlyList<(string Field, string Error)> Problems) Check(ShippingAddress a)
    {
        var problems = new List<(string, string)>();
        string Part(string field, string? raw, TextRule rule, string errorKey)
        {
            var text = rule.Check(raw);
            if (text.ErrorKey(errorKey, errorKey) is { } error) problems.Add((field, error));
            return text.Value;
        }
        var name = Part(nameof(a.Name), a.Name, PartRule, "Address.Error.Name");
        if (!IsMobile(a.Phone)) problems.Add((nameof(a.Phone), "Address.Error.Phone"));
        var province = Part(nameof(a.Province), a.Province, PartRule, "Address.Error.Province");
        var city = Part(nameof(a.City), a.City, PartRule, "Address.Error.City");
        var district = Part(nameof(a.District), a.District, PartRule, "Address.Error.District");
        var line = Part(nameof(a.Line), a.Line, LineRule, "Address.Error.Line");
        return (new ShippingAddress(name, (a.Phone ?? "").Trim(), province, city, district, line), problems);
    }

    public static bool IsMobile(string? phone)
    {
        var digits = (phone ?? "").Trim().Replace(" ", "").Replace("-", "");
        return digits.Length == 11 && digits[0] == '1' && digits.All(char.IsAsciiDigit);
    }
}

/// <summary>A product attached to a note (at most 10), shown in the note's product strip.</summary>
public class NoteProduct
{
    public const int MaxPerNote = 10;

    public long NoteId { get; set; }
    public long ProductId { get; set; }
    public int Position { get; set; }
}

/// <summary>A product pinned on one photo of a note, at x/y given as fractions of the photo (0..1).</summary>
public class ProductPin
{
    private ProductPin() { }

    public ProductPin(long notePhotoId, long productId, double x, double y)
    {
        if (x is < 0 or > 1 || y is < 0 or > 1 || double.IsNaN(x) || double.IsNaN(y)) throw new ShopRuleException("Pin.Error.Position");
        (NotePhotoId, ProductId, X, Y) = (notePhotoId, productId, x, y);
    }

    public long Id { get; private set; }
    public long NotePhotoId { get; private set; }
    public long ProductId { get; private set; }
    public double X { get; private set; }
    public double Y { get; private set; }
}
