using Hangfire;
using RedMvc.Workers.Files;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Seed;

/// <summary>
/// Three demo brands with their shops and products (drawn photos through the real pipeline, variants
/// with stock and an opening ledger), some products attached to demo notes of the same channel,
/// with a pin on the note's first photo.
/// </summary>
public class DemoShops(AppDbContext db, UserManager<AppUser> users, IFileStore files, IBackgroundJobClient jobs, ILogger<DemoShops> logger)
{
    private record DemoVariant(string Name, long PriceFen, int Stock, long? CompareAtFen = null);

    private record DemoProduct(string Title, string Description, string Category, ProductStatus Status, params DemoVariant[] Variants);

    private record DemoShop(string Handle, string Description, params DemoProduct[] Products);

    private static readonly DemoShop[] Shops =
    [
        new("maple_brand", "枫叶生活馆：让家里每个角落都温柔一点。陶瓷、织物与香气，手作小批量。",
            new("北欧陶瓷马克杯", "手工上釉，每一只纹理都不同。可进洗碗机与微波炉。", "home", ProductStatus.Active,
                new DemoVariant("奶白 / 350ml", 5900, 40, 7900), new DemoVariant("雾蓝 / 350ml", 5900, 3, 7900), new DemoVariant("墨黑 / 450ml", 6900, 0)),
            new("亚麻抱枕套", "100% 法国亚麻，越洗越软。不含枕芯。", "home", ProductStatus.Active,
                new DemoVariant("米色 / 45x45", 4900, 25), new DemoVariant("燕麦 / 45x45", 4900, 12)),
            new("香薰蜡烛礼盒", "大豆蜡与棉芯，燃烧约 40 小时。", "home", ProductStatus.Active,
                new DemoVariant("雪松", 12900, 18, 15900), new DemoVariant("白茶", 12900, 4, 15900)),
            new("胡桃木托盘", "整木挖制，早餐和下午茶都好看。", "food", ProductStatus.Active,
                new DemoVariant("", 8900, 30)),
            new("羊毛毯", "新西兰羊毛，秋冬沙发必备。", "home", ProductStatus.Draft,
                new DemoVariant("灰 / 130x170", 29900, 10))),
        new("cloud_knit", "云织：舒服的针织与日常基础款。",
            new("羊毛开衫", "软糯亲肤，不扎不起球，宽松版型。", "fashion", ProductStatus.Active,
                new DemoVariant("奶白 / S", 32900, 8, 45900), new DemoVariant("奶白 / M", 32900, 5, 45900), new DemoVariant("燕麦 / M", 32900, 0, 45900), new DemoVariant("燕麦 / L", 32900, 12, 45900)),
            new("高腰直筒牛仔裤", "显腿长的直筒版型，微弹面料。", "fashion", ProductStatus.Active,
                new DemoVariant("浅蓝 / 26", 25900, 10), new DemoVariant("浅蓝 / 27", 25900, 2), new DemoVariant("深蓝 / 27", 25900, 15)),
            new("羊绒围巾", "内蒙古羊绒，轻薄保暖。", "fashion", ProductStatus.Active,
                new DemoVariant("驼色", 19900, 20, 25900), new DemoVariant("黑色", 19900, 20, 25900)),
            new("帆布托特包", "加厚帆布，通勤能装下 14 寸电脑。", "fashion", ProductStatus.Active,
                new DemoVariant("", 12900, 50)),
            new("基础白衬衫", "上一季的款式。", "fashion", ProductStatus.Archived,
                new DemoVariant("S", 19900, 0))),
        new("peak_fit", "山顶运动：健身房到山顶，一套装备就够。",
            new("天然橡胶瑜伽垫", "6mm 厚，防滑不易变形，附绑带。", "fitness", ProductStatus.Active,
                new DemoVariant("6mm / 紫", 15900, 30), new DemoVariant("6mm / 绿", 15900, 4)),
            new("运动水壶", "750ml，单手开盖，不含 BPA。", "fitness", ProductStatus.Active,
                new DemoVariant("750ml", 6900, 60)),
            new("露营折叠椅", "铝合金骨架，承重 120kg，收纳只有一把伞大。", "travel", ProductStatus.Active,
                new DemoVariant("卡其", 23900, 9, 29900), new DemoVariant("军绿", 23900, 9, 29900)),
            new("登山双肩包", "背负系统透气，防泼水面料。", "travel", ProductStatus.Active,
                new DemoVariant("30L", 39900, 6), new DemoVariant("45L", 45900, 3))),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Shops.AnyAsync(cancellationToken)) return;
        var now = DateTime.UtcNow;
        var products = new List<Product>();
        var seed = 0;
        foreach (var demo in Shops)
        {
            var owner = await db.Users.SingleOrDefaultAsync(u => u.Handle == demo.Handle, cancellationToken);
            if (owner is null) continue;
            if (await BrandGranting.GrantAsync(db, users, owner, now, cancellationToken) is { } problem) throw new InvalidOperationException(problem);
            var shop = await db.Shops.SingleAsync(s => s.OwnerId == owner.Id, cancellationToken);
            shop.Describe(owner.DisplayName, demo.Description);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var item in demo.Products)
            {
                var variants = item.Variants.Select((v, row) => new VariantInput(row, null, v.Name, v.PriceFen, v.CompareAtFen, false, v.Stock)).ToList();
                var changes = ProductSaving.Apply(shop.Id, null, new ProductPost(item.Title, item.Description, item.Category, variants, [], 3), now);
                var photoKeys = new List<string>();
                for (var p = 0; p < 3; p++) photoKeys.Add(await StorePhotoAsync(seed * 3 + p, p == 0, cancellationToken));
                seed++;
                await ProductSaving.SaveAsync(db, changes, [], photoKeys, "期初库存", owner.Id, now, cancellationToken);
                var product = changes.Product!;
                if (item.Status != ProductStatus.Draft) product.Activate(now);
                if (item.Status == ProductStatus.Archived) product.Archive(now);
                products.Add(product);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await AttachToNotesAsync(products.Where(p => p.Status == ProductStatus.Active).ToList(), cancellationToken);
        foreach (var product in products) jobs.Enqueue<ProcessProductPhotosJob>(job => job.RunAsync(product.Id, CancellationToken.None));
        logger.LogInformation("Demo shops seeded: {Shops} shops, {Products} products", Shops.Length, products.Count);
    }

    /// <summary>Each product on sale goes into three published notes of its channel; the first of them pins it on its cover.</summary>
    private async Task AttachToNotesAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken)
    {
        var taken = new Dictionary<long, int>();
        foreach (var (product, index) in products.Select((p, i) => (p, i)))
        {
            var notes = await db.Notes.AsNoTracking().Include(n => n.Photos)
                .Where(n => n.Channel == product.Category && n.Status == NoteStatus.Published && n.Visibility == NoteVisibility.Public)
                .OrderBy(n => n.Id).Skip(index % 4 * 3).Take(3).ToListAsync(cancellationToken);
            foreach (var (note, position) in notes.Select((n, i) => (n, i)))
            {
                var count = taken.GetValueOrDefault(note.Id);
                if (count >= NoteProduct.MaxPerNote) continue;
                taken[note.Id] = count + 1;
                db.NoteProducts.Add(new NoteProduct { NoteId = note.Id, ProductId = product.Id, Position = count });
                if (position == 0 && note.Photos.OrderBy(p => p.Position).FirstOrDefault() is { } cover)
                    db.ProductPins.Add(new ProductPin(cover.Id, product.Id, 0.3 + count * 0.2 % 0.6, 0.55 + index % 3 * 0.1));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A drawn photo: the cover square, the others 3:4 portraits.</summary>
    private async Task<string> StorePhotoAsync(int seed, bool cover, CancellationToken cancellationToken)
    {
        var key = $"originals/demo-product-{Guid.NewGuid():N}";
        await using var stream = new MemoryStream(cover ? DemoPhotos.Jpeg(800, 800, seed + 7) : DemoPhotos.Jpeg(720, 960, seed + 7));
        await files.SaveAsync(key, stream, cancellationToken);
        return key;
    }
}
