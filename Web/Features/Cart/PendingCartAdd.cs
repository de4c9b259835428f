using System.Globalization;

namespace RedMvc.Web.Features.Cart;

/// <summary>
/// What a visitor tried to add before signing in, kept in a short-lived cookie across the sign-in
/// (and registration) redirects. It holds ids and a quantity only: prices are always read from the
/// variant, and a tampered cookie can at most propose a different product, which the member sees
/// and must confirm.
/// </summary>
public record PendingCartAdd(long VariantId, int Quantity, long? NoteId)
{
    public const string CookieName = "red.cart-add";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{VariantId}.{Quantity}.{NoteId}");

    public static PendingCartAdd? Parse(string? value)
    {
        var parts = (value ?? "").Split('.');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var variantId)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
            || quantity is < 1 or > CartItem.MaxQuantity) return null;
        long? noteId = long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var note) ? note : null;
        return new PendingCartAdd(variantId, quantity, noteId);
    }

    public static PendingCartAdd? Read(HttpRequest request) => Parse(request.Cookies[CookieName]);

    public void Write(HttpResponse response) =>
        response.Cookies.Append(CookieName, Format(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = Lifetime,
            IsEssential = true,
        });

    public static void Clear(HttpResponse response) => response.Cookies.Delete(CookieName);
}
