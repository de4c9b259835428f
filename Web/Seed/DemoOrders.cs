using Hangfire;
using RedMvc.Workers.Commerce;
using RedMvc.Workers.Files;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Seed;

/// <summary>
/// Demo readers buy products they found in demo notes: orders placed through the real checkout
/// (stock reserved, note and creator attributed) and moved by the real lifecycle into every state a
/// buyer or brand meets, one delivered order with a verified review note. Placing is back-dated;
/// the lifecycle stamps its moves now. A paid order moves on to Processing by itself once the job
/// server starts, as on the live site.
/// </summary>
public class DemoOrders(AppDbContext db, OrderLifecycle lifecycle, IOptions<ShippingRule> shipping, IFileStore files, IBackgroundJobClient jobs, ILogger<DemoOrders> logger)
{
    private enum Target { PendingPayment, Paid, Processing, Shipped, Delivered, Reviewed, Cancelled, ReturnRequested, Refunded }

    private record DemoOrder(string Buyer, Target Target, TimeSpan PlacedAgo, int Quantity, string? Reason = null);

    private static readonly DemoOrder[] Orders =
    [
        new("ming_li", Target.Reviewed, TimeSpan.FromDays(9), 1),
        new("ming_li", Target.PendingPayment, TimeSpan.FromMinutes(8), 1),
        new("tangtang", Target.Processing, TimeSpan.FromDays(1), 2),
        new("xixi.w", Target.Paid, TimeSpan.FromHours(2), 1),
        new("chen_yu", Target.Shipped, TimeSpan.FromDays(3), 1),
        new("nana", Target.Delivered, TimeSpan.FromDays(6), 1),
        new("kai.zh", Target.Cancelled, TimeSpan.FromDays(2), 1, "拍错了颜色，重新下单"),
        new("yoyo_lin", Target.ReturnRequested, TimeSpan.FromDays(8), 1, "尺码偏小，想退掉换大一号"),
        new("tangtang", Target.Refunded, TimeSpan.FromDays(12), 1, "收到时杯口有磕碰"),
    ];

    private static readonly ShippingAddress[] Addresses =
    [
        new("李明", "13800138001", "上海市", "上海市", "徐汇区", "漕溪北路 88 号 12 楼"),
        new("唐糖", "13911112222", "北京市", "北京市", "朝阳区", "望京西路 48 号院 3 号楼 1502"),
        new("王西西", "13622223333", "广东省", "深圳市", "南山区", "科技园南区 高新南一道 6 号"),
        new("陈宇", "15033334444", "浙江省", "杭州市", "西湖区", "文三路 199 号 2 单元 601"),
        new("刘娜", "18744445555", "四川省", "成都市", "锦江区", "春熙路 9 号 B 座 2208"),
        new("张凯", "17755556666", "江苏省", "南京市", "鼓楼区", "广州路 212 号"),
        new("林悠悠", "13366667777", "福建省", "厦门市", "思明区", "环岛南路 3088 号 8 栋"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Orders.AnyAsync(cancellationToken)) return;
        var handles = Orders.Select(o => o.Buyer).Distinct().ToList();
        var buyers = await db.Users.Where(u => handles.Contains(u.Handle)).ToDictionaryAsync(u => u.Handle, u => u.Id, cancellationToken);
        var offers = await OffersAsync(cancellationToken);
        if (offers.Count == 0) return;

        var addresses = new Dictionary<string, ShippingAddress>();
        foreach (var (handle, index) in handles.Select((h, i) => (h, i)))
        {
            if (!buyers.TryGetValue(handle, out var buyerId)) continue;
            addresses[handle] = Addresses[index % Addresses.Length];
            await AddressBook.AddAsync(db, buyerId, addresses[handle], makeDefault: true, cancellationToken);
        }

        var now = DateTime.UtcNow;
        var placed = 0;
        foreach (var (demo, index) in Orders.Select((o, i) => (o, i)))
        {
            if (!buyers.TryGetValue(demo.Buyer, out var buyerId)) continue;
            var offer = offers[index * 5 % offers.Count]; // a step of five spreads the orders over the shops
            var result = await Checkout.PlaceAsync(db, buyerId, $"demo-order-{index}", addresses[demo.Buyer],
                [new CheckoutLine(offer.VariantId, demo.Quantity, offer.NoteId)], shipping.Value, now - demo.PlacedAgo, cancellationToken);
            if (result is not CheckoutResult.Placed { Orders: [var order], Payment: var payment })
            {
                logger.LogWarning("Demo order {Index} not placed: {Result}", index, result);
                continue;
            }
            // Moved on first, then told it was placed: placing schedules the unpaid-order cancel at the payment deadline,
            // which for a back-dated order is already past, so the job server could cancel it before it is paid.
            await MoveAsync(order.Id, payment.Reference, buyerId, offer, demo, cancellationToken);
            await lifecycle.PlacedAsync([order.Id], cancellationToken);
            placed++;
        }
        logger.LogInformation("Demo orders seeded: {Count}", placed);
    }

    /// <summary>Each step towards the target, through the same lifecycle the site and its jobs use.</summary>
    private async Task MoveAsync(long orderId, string paymentReference, string buyerId, Offer offer, DemoOrder demo, CancellationToken cancellationToken)
    {
        var target = demo.Target;
        if (target == Target.PendingPayment) return;
        if (target == Target.Cancelled)
        {
            await StepAsync(() => lifecycle.CancelAsync(orderId, buyerId, demo.Reason!, cancellationToken));
            return;
        }
        await StepAsync(() => lifecycle.PaymentApprovedAsync(paymentReference, cancellationToken));
        if (target == Target.Paid) return;
        await StepAsync(() => lifecycle.StartProcessingAsync(orderId, cancellationToken));
        if (target == Target.Processing) return;
        await StepAsync(() => lifecycle.ShipAsync(orderId, offer.Carrier, $"SF{1_000_000_000L + orderId * 7919:D12}", offer.BrandOwnerId, cancellationToken));
        if (target == Target.Shipped) return;
        await StepAsync(() => lifecycle.MarkDeliveredAsync(orderId, cancellationToken));
        if (target == Target.Reviewed) await ReviewAsync(orderId, buyerId, offer, cancellationToken);
        if (target is Target.ReturnRequested or Target.Refunded) await StepAsync(() => lifecycle.RequestReturnAsync(orderId, demo.Reason!, cancellationToken));
        if (target == Target.Refunded) await StepAsync(() => lifecycle.ApproveReturnAsync(orderId, restock: true, offer.BrandOwnerId, cancellationToken));
    }

    /// <summary>
    /// The job server runs beside the seeding, so the fulfil job may move a paid order on first: a step
    /// that loses that race is taken again from the fresh row (lifecycle steps shrug at repeats).
    /// </summary>
    private async Task StepAsync(Func<Task> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await step();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The buyer's review note, tied to the delivered line so it shows "Verified purchase".</summary>
    private async Task ReviewAsync(long orderId, string buyerId, Offer offer, CancellationToken cancellationToken)
    {
        var line = await db.OrderLines.AsNoTracking().FirstAsync(l => l.OrderId == orderId, cancellationToken);
        var content = new NoteContent("用了一周的真实感受", $"{offer.Title}收到了，质感比图片还好，包装也很用心。用了一周，细节都很满意，会回购。#好物分享", offer.Category, null, NoteVisibility.Public, false);
        var key = $"originals/demo-review-{Guid.NewGuid():N}";
        await using (var stream = new MemoryStream(DemoPhotos.Jpeg(720, 960, (int)(orderId * 13 % 997))))
            await files.SaveAsync(key, stream, cancellationToken);
        var note = await NotePosting.SaveAsync(db, buyerId, null, new NotePost(content, PostAction.Publish, null, [], 1), [new NewPhoto(key, "review.jpg")],
            new NoteLimits(), DateTime.UtcNow, line.Id, cancellationToken: cancellationToken);
        jobs.Enqueue<ProcessNotePhotosJob>(job => job.RunInBulkAsync(note.Id, CancellationToken.None));
    }

    private record Offer(long NoteId, long VariantId, string Title, string Category, string BrandOwnerId, string Carrier);

    /// <summary>One note per product on sale that features it, with the variant that has the most stock.</summary>
    private async Task<List<Offer>> OffersAsync(CancellationToken cancellationToken)
    {
        var featured = await db.NoteProducts.AsNoTracking()
            .Join(db.Notes.Where(n => n.Status == NoteStatus.Published), np => np.NoteId, n => n.Id, (np, n) => np)
            .Join(db.Products.Where(p => p.Status == ProductStatus.Active), np => np.ProductId, p => p.Id, (np, p) => new { np.NoteId, Product = p })
            .Join(db.Shops, x => x.Product.ShopId, s => s.Id, (x, s) => new { x.NoteId, x.Product.Id, x.Product.Title, x.Product.Category, s.OwnerId })
            .OrderBy(x => x.Id).ThenBy(x => x.NoteId).ToListAsync(cancellationToken);
        var variants = await db.ProductVariants.AsNoTracking().Where(v => v.Stock >= 3).ToListAsync(cancellationToken);
        string[] carriers = ["顺丰速运", "中通快递", "京东物流"];
        return featured.GroupBy(x => x.Id).Select(g => g.First())
            .Select(x => (x, variant: variants.Where(v => v.ProductId == x.Id).MaxBy(v => v.Stock)))
            .Where(t => t.variant is not null)
            .Select((t, i) => new Offer(t.x.NoteId, t.variant!.Id, t.x.Title, t.x.Category, t.x.OwnerId, carriers[i % carriers.Length]))
            .ToList();
    }
}
