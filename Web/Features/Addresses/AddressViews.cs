using System.ComponentModel.DataAnnotations;

namespace RedMvc.Web.Features.Addresses;

/// <summary>One form for adding and editing; the rules (and their messages per field) are AddressRules.</summary>
public class AddressForm
{
    [Display(Name = "Field.AddressName")]
    public string? Name { get; set; }

    [Display(Name = "Field.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Field.Province")]
    public string? Province { get; set; }

    [Display(Name = "Field.City")]
    public string? City { get; set; }

    [Display(Name = "Field.District")]
    public string? District { get; set; }

    [Display(Name = "Field.AddressLine")]
    public string? Line { get; set; }

    [Display(Name = "Field.DefaultAddress")]
    public bool IsDefault { get; set; }

    /// <summary>Where to go after saving (checkout sends the buyer here to add one).</summary>
    public string? ReturnUrl { get; set; }

    public ShippingAddress ToValue() => new(Name ?? "", Phone ?? "", Province ?? "", City ?? "", District ?? "", Line ?? "");

    public static AddressForm From(AddressView a) => new()
    {
        Name = a.Name, Phone = a.Phone, Province = a.Province, City = a.City, District = a.District, Line = a.Line, IsDefault = a.IsDefault,
    };
}

/// <summary>Id is null while adding.</summary>
public record AddressEditPage(long? Id, AddressForm Form);
