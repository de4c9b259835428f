using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;

namespace RedMvc.Web.Tests;

/// <summary>Test data for the shop: a brand's product with stock, buyers with an address, and the cart and checkout forms.</summary>
public static class Shopping
{
    public record Product(long ShopId, long ProductId, long VariantId, string Title, string VariantName);

    public static readonly Dictionary<string, string> Home = new()
    {
        ["Name"] = "王小红", ["Phone"] = "13800138000", ["Province"] = "上海", ["City"] = "上海市", ["District"] = "徐汇区", ["Line"] = "武康路 100 号",
    };

    public static ShippingAddress HomeAddress => new(Home["Name"], Home["Phone"], Home["Province"], Home["City"], Home["District"], Home["Line"]);

    /// <summary>A new brand (made directly: it never signs in here) with one active product in one variant.</summary>
    public static Task<Product> OpenShopAsync(this RedMvcAppFactory site, int stock, long priceFen = 12900, string title = "陶瓷保温杯") =>
        site.Services.WithDbAsync(async db =>
        {
            var brand = await db.AddMemberAsync(roles: Roles.Brand);
            var shop = new Shop(brand.Id, brand.Handle, "枫叶生活馆", DateTime.UtcNow);
            db.Shops.Add(shop);
            await db.SaveChangesAsync();
            var product = RedMvc.Domain.Commerce.Product.Draft(shop.Id, title, "好用", "home", DateTime.UtcNow);
            var variant = product.AddVariant("奶白", priceFen, null, stock);
            product.AddPhoto(new ProductPhoto("originals/none", 0));
            product.Activate(DateTime.UtcNow);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return new Product(shop.Id, product.Id, variant.Id, title, "奶白");
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
