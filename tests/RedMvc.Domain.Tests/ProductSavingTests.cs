using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Commerce;

namespace RedMvc.Domain.Tests;

/// <summary>The product workflow the brand dashboard and the seeder share, on a migrated SQLite file.</summary>
public class ProductSavingTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static ProductPost Post(IReadOnlyList<VariantInput> variants, string title = "陶瓷保温杯", int newPhotos = 1, IReadOnlyList<long>? remove = null) =>
        new(title, "早上装的热水，下午还烫。", "home", variants, remove ?? [], newPhotos);

    private static VariantInput Row(int row, string name, long? price, int stock = 0, long? id = null) =>
        new(row, id, name, price, null, false, stock);

    [Fact]
    public void Problems_point_at_the_field_or_row_they_belong_to()
    {
        var changes = ProductSaving.Apply(1, null, Post([Row(0, "奶白", 12900), Row(2, "雾蓝", null), Row(3, "灰", 9900, stock: -1)], title: "", newPhotos: 0), Now);

        Assert.False(changes.CanSave);
        Assert.Contains(("Title", "Product.Error.TitleRequired"), changes.Problems);
        Assert.Contains(("Variants[2].Price", "Brand.Product.PriceFormat"), changes.Problems);
        Assert.Contains(("Variants[3].Stock", "Product.Error.NegativeStock"), changes.Problems);
        Assert.Contains((ProductPost.PhotosField, "Brand.Product.PhotoCount"), changes.Problems);
        Assert.Contains((ProductPost.VariantsField, "Product.Error.NoVariants"), ProductSaving.Apply(1, null, Post([]), Now).Problems);
    }

    [Fact]
    public async Task A_new_product_starts_the_ledger_of_each_variant_that_has_stock()
    {
        await using var database = await MigratedSqlite.CreateAsync();
        var shop = await database.Db.OpenShopAsync();
        var changes = ProductSaving.Apply(shop.Id, null, Post([Row(0, "奶白", 12900, stock: 5), Row(1, "雾蓝", 12900, stock: 0)], newPhotos: 2), Now);
        Assert.True(changes.CanSave);

        await ProductSaving.SaveAsync(database.Db, changes, [], ["originals/a", "originals/b"], "期初库存", shop.OwnerId, Now);

        await using var db = database.NewContext();
        var product = await db.Products.Include(p => p.Variants).Include(p => p.Photos).SingleAsync(p => p.Id == changes.Product!.Id);
        Assert.Equal(ProductStatus.Draft, product.Status);
        Assert.Equal([0, 1], product.Photos.OrderBy(p => p.Position).Select(p => p.Position));
        var ledger = await db.StockAdjustments.ToListAsync();
        var opening = Assert.Single(ledger);
        Assert.Equal(product.Variants.Single(v => v.Name == "奶白").Id, opening.VariantId);
        Assert.Equal((5, 5, "期初库存", shop.OwnerId), (opening.Delta, opening.StockAfter, opening.Reason, opening.ByUserId));
    }

    [Fact]
    public async Task An_edit_reprices_without_touching_stock_and_opens_the_ledger_of_a_new_variant()
    {
        await using var database = await MigratedSqlite.CreateAsync();
        var shop = await database.Db.OpenShopAsync();
        var created = ProductSaving.Apply(shop.Id, null, Post([Row(0, "奶白", 12900, stock: 5)]), Now);
        await ProductSaving.SaveAsync(database.Db, created, [], ["originals/a"], "期初库存", shop.OwnerId, Now);
        var product = created.Product!;
        var white = product.Variants.Single();

        var edited = ProductSaving.Apply(shop.Id, product, Post([Row(0, "奶白", 9900, stock: 99, id: white.Id), Row(1, "雾蓝", 10900, stock: 3)], newPhotos: 0), Now);
        await ProductSaving.SaveAsync(database.Db, edited, [], [], "期初库存", shop.OwnerId, Now);

        await using var db = database.NewContext();
        var variants = await db.ProductVariants.Where(v => v.ProductId == product.Id).ToDictionaryAsync(v => v.Name);
        Assert.Equal((9900L, 5), (variants["奶白"].PriceFen, variants["奶白"].Stock));
        Assert.Equal(3, variants["雾蓝"].Stock);
        Assert.Equal([(white.Id, 5), (variants["雾蓝"].Id, 3)], await db.StockAdjustments.OrderBy(a => a.Id).Select(a => ValueTuple.Create(a.VariantId, a.Delta)).ToListAsync());
    }

    [Fact]
    public void Opening_stock_above_the_maximum_is_refused_on_its_row()
    {
        var changes = ProductSaving.Apply(1, null, Post([Row(0, "奶白", 12900, stock: ProductVariant.MaxStock + 1)]), Now);
        Assert.Contains(("Variants[0].Stock", "Product.Error.StockTooHigh"), changes.Problems);
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(int.MaxValue, null)]
    [InlineData(int.MinValue, null)]
    [InlineData(1, ProductVariant.MaxStock)]
    [InlineData(-999_999, 0)]
    public async Task A_stock_change_near_the_limit_is_refused_or_applied_and_never_throws(int delta, int? expected)
    {
        await using var database = await MigratedSqlite.CreateAsync();
        var shop = await database.Db.OpenShopAsync();
        var product = await database.Db.ProductOnSaleAsync(shop.Id, stock: ProductVariant.MaxStock - 1);
        var variantId = product.Variants[0].Id;

        var stock = await ShopStock.AdjustAsync(database.Db, variantId, delta, "盘点", shop.OwnerId, Now);

        Assert.Equal(expected, stock);
        await using var db = database.NewContext();
        Assert.Equal(expected ?? ProductVariant.MaxStock - 1, await db.ProductVariants.Where(v => v.Id == variantId).Select(v => v.Stock).SingleAsync());
        Assert.Equal(1, await ShopStock.AdjustAsync(db, variantId, -(expected ?? ProductVariant.MaxStock - 1) + 1, "盘点", shop.OwnerId, Now));
    }
}
