namespace RedMvc.Web.Features.Shared;

public record AddressView(long Id, string Name, string Phone, string Province, string City, string District, string Line, bool IsDefault)
{
    public string Region => $"{Province} {City} {District}";
}
