namespace RedMvc.Workers.Tests.Commerce;

public class StockReleaseTests
{
    [Fact]
    public async Task Two_runners_that_read_the_same_cancelled_order_put_its_stock_back_once()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 5);
        var placed = Assert.IsType<CheckoutResult.Placed>(await shop.CheckoutAsync(host, await shop.BuyerAsync(host), quantity: 2));
        var orderId = placed.Orders[0].Id;
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Orders.SingleAsync(o => o.Id == orderId)).Cancel("buyer", "changed my mind", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        Assert.Equal(3, await shop.StockAsync(host));

        // Both read the order while its stock was still out (a job and the sweeper, say); the first releases.
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var firstOrder = await firstDb.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == orderId);
        var secondOrder = await secondDb.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == orderId);

        Assert.True(await ShopStock.ReleaseOrderAsync(firstDb, firstOrder));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => ShopStock.ReleaseOrderAsync(secondDb, secondOrder));

        Assert.Equal(5, await shop.StockAsync(host));
        Assert.True(await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Orders.Where(o => o.Id == orderId).Select(o => o.StockReleased).SingleAsync()));
    }
}
