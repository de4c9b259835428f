namespace RedMvc.Web.Tests;

/// <summary>Test data for the shop: a brand's product with stock, buyers with an address, and the cart and checkout forms.</summary>
public static class Shopping
{
    public record Product(long ShopId, long ProductId, long VariantId, string Title, string VariantName);

    /// <summary>The address form filled with Shops.Home.</summary>
    public static readonly Dictionary<string, string> Home = new()
    {
        ["Name"] = Shops.Home.Name, ["Phone"] = Shops.Home.Phone, ["Province"] = Shops.Home.Province,
        ["City"] = Shops.Home.City, ["District"] = Shops.Home.District, ["Line"] = Shops.Home.Line,
    };

    /// <summary>A new brand (made directly: it never signs in here) with one active product in one variant.</summary>
    public static Task<Product> OpenShopAsync(this RedMvcAppFactory site, int stock, long priceFen = 12900, string title = "陶瓷保温杯") =>
        site.Services.WithDbAsync(async db =>
        {
            var shop = await db.OpenShopAsync();
            var product = await db.ProductOnSaleAsync(shop.Id, title, "奶白", priceFen, stock);
            return new Product(shop.Id, product.Id, product.Variants[0].Id, title, "奶白");
        });

    /// <summary>A buyer made directly in the database, for tests that call Domain services without a browser.</summary>
    public static async Task<string> BuyerIdAsync(this RedMvcAppFactory site) => (await site.Services.WithDbAsync(db => db.AddMemberAsync())).Id;

    public static Task<int> StockAsync(this RedMvcAppFactory site, Product product) =>
        site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.Id == product.VariantId).Select(v => v.Stock).SingleAsync());

    public static Task<List<Order>> OrdersOfAsync(this RedMvcAppFactory site, Person buyer) =>
        site.Services.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Timeline)
            .Where(o => db.Users.Any(u => u.Id == o.BuyerId && u.Handle == buyer.Handle)).OrderBy(o => o.Id).ToListAsync());

    /// <summary>Adds through the confirm page's real form (the product page posts the same fields).</summary>
    public static async Task<Visitor.Page> AddToCartAsync(this Visitor member, Product product, int quantity = 1, long? noteId = null)
    {
        var confirm = await member.GetAsync($"/cart/add?VariantId={product.VariantId}&Quantity={quantity}{(noteId is null ? "" : $"&NoteId={noteId}")}");
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        return await confirm.SubmitAsync(member.Client, "/cart/add", new Dictionary<string, string>());
    }

    public static Task<Visitor.Page> AddAddressAsync(this Visitor member, Dictionary<string, string>? fields = null) =>
        member.SubmitAsync("/settings/addresses/new", "/settings/addresses/new", fields ?? Home);

    /// <summary>A confirmed member with an address and the product in the cart, on the checkout page.</summary>
    public static async Task<(Visitor Buyer, Person Person, Visitor.Page Checkout)> ReadyToCheckOutAsync(this RedMvcAppFactory site, Product product, int quantity = 1)
    {
        var person = Person.New();
        var buyer = await site.ConfirmedMemberAsync(person);
        await buyer.AddAddressAsync();
        await buyer.AddToCartAsync(product, quantity);
        var checkout = await buyer.GetAsync("/checkout");
        Assert.Equal("/checkout", checkout.Url);
        return (buyer, person, checkout);
    }
}
