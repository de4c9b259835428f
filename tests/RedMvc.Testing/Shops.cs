using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;

namespace RedMvc.Testing;

/// <summary>Brands' shops and products on sale, made straight in the database for tests about buying.</summary>
public static class Shops
{
    /// <summary>Where test buyers live.</summary>
    public static readonly ShippingAddress Home = new("王小红", "13800138000", "上海", "上海市", "徐汇区", "武康路 100 号");

    /// <summary>A shop saved for its owner, by default a new member in the Brand role; the shop's handle is the owner's.</summary>
    public static async Task<Shop> OpenShopAsync(this AppDbContext db, string name = "枫叶生活馆", AppUser? owner = null)
    {
        owner ??= await db.AddMemberAsync(Person.New(name, "b"), roles: Roles.Brand);
        var shop = new Shop(owner.Id, owner.Handle, name, DateTime.UtcNow);
        db.Shops.Add(shop);
        await db.SaveChangesAsync();
        return shop;
    }

    /// <summary>An active product of the shop in one variant with this price and stock, its photo still waiting for the image pipeline.</summary>
    public static async Task<Product> ProductOnSaleAsync(this AppDbContext db, long shopId, string title = "陶瓷保温杯", string variant = "奶白",
        long priceFen = 12900, int stock = 10, string description = "好用", string category = "home")
    {
        var now = DateTime.UtcNow;
        var product = Product.Draft(shopId, title, description, category, now);
        product.AddVariant(variant, priceFen, null, stock);
        product.AddPhoto(new ProductPhoto($"originals/{Guid.NewGuid():N}", 0));
        product.Activate(now);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }
}
