namespace RedMvc.Web.Tests;

/// <summary>Whole numbers are decimal: MVC's own binder would read "0x10" as sixteen.</summary>
[Collection(SiteCollection.Name)]
public class StockInputTests(RedMvcAppFactory site)
{
    private async Task<(Visitor Brand, string StockUrl, long VariantId)> BrandWithFiveInStockAsync()
    {
        var person = Person.New();
        var brand = await site.MemberWithRoleAsync(person, Roles.Brand);
        var (productId, variantId) = await site.Services.WithDbAsync(async db =>
        {
            var owner = await db.Users.SingleAsync(u => u.Email == person.Email);
            var product = await db.ProductOnSaleAsync((await db.OpenShopAsync(owner: owner)).Id, stock: 5);
            return (product.Id, product.Variants.Single().Id);
        });
        return (brand, $"/brand/products/{productId}/stock", variantId);
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("&h10")]
    [InlineData("1e3")]
    public async Task A_stock_change_that_is_not_a_decimal_number_is_refused(string delta)
    {
        var (brand, url, variantId) = await BrandWithFiveInStockAsync();

        var page = await brand.SubmitAsync(url, url, new Dictionary<string, string> { ["variantId"] = variantId.ToString(), ["delta"] = delta, ["reason"] = "到货" });

        Assert.Contains("Enter a change such as 10 or -2.", page.Document.QuerySelector(".flash")?.TextContent);
        Assert.Equal(5, await site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.Id == variantId).Select(v => v.Stock).SingleAsync()));
    }

    [Fact]
    public async Task A_signed_decimal_stock_change_still_works()
    {
        var (brand, url, variantId) = await BrandWithFiveInStockAsync();

        await brand.SubmitAsync(url, url, new Dictionary<string, string> { ["variantId"] = variantId.ToString(), ["delta"] = " +16 ", ["reason"] = "到货" });

        Assert.Equal(21, await site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.Id == variantId).Select(v => v.Stock).SingleAsync()));
    }
}
