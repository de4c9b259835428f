using RedMvc.Domain.Commerce;
using RedMvc.Domain.Moderation;

namespace RedMvc.Domain.Tests;

/// <summary>Staff withhold a product by taking it down or by suspending its shop; it comes back only when neither holds it.</summary>
public class ProductTakedownTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static Product OnSale()
    {
        var product = Product.Draft(1, "陶瓷保温杯", "好用", "home", Now);
        product.AddVariant("奶白", 12900, null, 5);
        product.AddPhoto(new ProductPhoto("originals/a", 0));
        product.Activate(Now);
        return product;
    }

    [Fact]
    public void A_taken_down_product_is_not_public_cannot_be_put_on_sale_and_comes_back_as_it_was()
    {
        var product = OnSale();

        Assert.True(product.TakeDown("假冒商品", Now));
        Assert.False(product.TakeDown("第二次", Now));

        Assert.Equal((ProductStatus.TakenDown, "假冒商品"), (product.Status, product.TakedownReason));
        Assert.False(product.IsPublic);
        Assert.Equal("Product.Error.TakenDown", Assert.Throws<ShopRuleException>(() => product.Activate(Now)).Key);
        Assert.True(product.RestoreFromTakedown(shopSuspended: false));
        Assert.Equal((ProductStatus.Active, (string?)null, (DateTime?)null), (product.Status, product.TakedownReason, product.TakenDownAt));
        Assert.False(product.RestoreFromTakedown(shopSuspended: false));
    }

    [Fact]
    public void Archiving_a_taken_down_product_keeps_it_down_and_it_returns_archived()
    {
        var product = OnSale();
        product.TakeDown("夸大宣传", Now);

        product.Archive(Now);

        Assert.Equal(ProductStatus.TakenDown, product.Status);
        product.RestoreFromTakedown(shopSuspended: false);
        Assert.Equal(ProductStatus.Archived, product.Status);
    }

    [Fact]
    public void A_product_stays_withheld_while_either_its_own_takedown_or_its_shops_suspension_holds_it()
    {
        var draft = Product.Draft(1, "草稿", "", "home", Now);
        var product = OnSale();
        product.TakeDown("假冒商品", Now);
        product.WithholdWithShop();
        draft.WithholdWithShop();

        Assert.True(product.RestoreFromTakedown(shopSuspended: true));
        Assert.Equal(ProductStatus.TakenDown, product.Status); // the shop is still suspended

        product.TakeDown("又被举报", Now);
        product.ReleaseWithShop();
        draft.ReleaseWithShop();
        Assert.Equal(ProductStatus.TakenDown, product.Status); // its own takedown still holds
        Assert.Equal(ProductStatus.Draft, draft.Status);

        product.RestoreFromTakedown(shopSuspended: false);
        Assert.Equal(ProductStatus.Active, product.Status);
    }

    [Fact]
    public void A_product_held_while_withheld_comes_back_as_a_draft_not_on_sale()
    {
        var takenDown = OnSale();
        var suspended = OnSale();
        takenDown.TakeDown("假冒商品", Now);
        suspended.WithholdWithShop();

        takenDown.Screen(new ScreeningVerdict(ScreenAction.Hold, "vx"), Now);
        suspended.Screen(new ScreeningVerdict(ScreenAction.Hold, "vx"), Now);
        takenDown.RestoreFromTakedown(shopSuspended: false);
        suspended.ReleaseWithShop();

        Assert.Equal((ProductStatus.Draft, ProductStatus.Draft), (takenDown.Status, suspended.Status));
    }

    [Fact]
    public void A_held_product_is_public_to_no_one_even_archived_until_approved()
    {
        var product = OnSale();
        product.Screen(new ScreeningVerdict(ScreenAction.Hold, "vx"), Now);

        product.Archive(Now);

        Assert.Equal(ProductStatus.Archived, product.Status);
        Assert.False(product.IsPublic);
        product.ApproveHeld();
        Assert.True(product.IsPublic);
    }

    [Fact]
    public void A_suspended_shop_puts_nothing_on_sale_and_a_second_suspension_keeps_the_first_reason()
    {
        var shop = new Shop("owner", "maple", "枫叶生活馆", Now);

        Assert.True(shop.Suspend("售假", Now));
        Assert.False(shop.Suspend("又一次", Now));

        Assert.Equal("售假", shop.SuspensionReason);
        Assert.Equal("Shop.Error.Suspended", Assert.Throws<ShopRuleException>(shop.EnsureCanSell).Key);
        Assert.True(shop.Restore());
        Assert.False(shop.Restore());
        shop.EnsureCanSell();
    }
}
