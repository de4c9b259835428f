using RedMvc.Workers.Files;

namespace RedMvc.Workers.Tests.Images;

public class ShopImageJobsTests
{
    /// <summary>A shop owned by a new brand member; returns its id.</summary>
    private static async Task<long> ShopAsync(WorkersHost host) => (await host.Services.WithDbAsync(db => db.OpenShopAsync("Maple"))).Id;

    /// <summary>A draft product of a new shop whose photos have these originals (null: no file saved).</summary>
    private static async Task<long> ProductWithPhotosAsync(WorkersHost host, params byte[]?[] originals)
    {
        var shopId = await ShopAsync(host);
        var files = host.Services.GetRequiredService<IFileStore>();
        return await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var product = Product.Draft(shopId, "羊毛开衫", "", "fashion", DateTime.UtcNow);
            for (var i = 0; i < originals.Length; i++)
            {
                var key = $"originals/{Guid.NewGuid():N}";
                if (originals[i] is { } bytes) await files.SaveAsync(key, new MemoryStream(bytes));
                product.AddPhoto(new ProductPhoto(key, i));
            }
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });
    }

    private static Task<List<ProductPhoto>> PhotosAsync(WorkersHost host, long productId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ProductPhotos.AsNoTracking()
            .Where(p => p.ProductId == productId).OrderBy(p => p.Position).ToListAsync());

    private static Dictionary<string, byte[]> StoredFiles(WorkersHost host)
    {
        var root = ((LocalFileStore)host.Services.GetRequiredService<IFileStore>()).Root;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllBytes);
    }

    [Fact]
    public async Task The_product_photo_job_run_twice_gives_the_same_files_and_photos_and_fails_only_the_bad_one()
    {
        await using var host = await WorkersHost.StartAsync();
        var productId = await ProductWithPhotosAsync(host, TestImages.Jpeg(1600, 1200), TestImages.Truncated(TestImages.Jpeg(800, 600)), null);
        Task RunAsync() => host.InScopeAsync(sp => sp.GetRequiredService<ProcessProductPhotosJob>().RunAsync(productId, CancellationToken.None));

        await RunAsync();
        var firstFiles = StoredFiles(host);
        var firstPhotos = await PhotosAsync(host, productId);
        await RunAsync();
        var secondFiles = StoredFiles(host);
        var secondPhotos = await PhotosAsync(host, productId);

        Assert.Equal([PhotoStatus.Ready, PhotoStatus.Failed, PhotoStatus.Failed], firstPhotos.Select(p => p.Status));
        Assert.Equal("360,720,1440", firstPhotos[0].Widths);
        Assert.Contains(NotePhoto.PublicKey(firstPhotos[0].ContentHash!, 1440, "webp"), firstFiles.Keys);
        Assert.Equal(firstFiles.Keys.Order(), secondFiles.Keys.Order());
        Assert.All(firstFiles, file => Assert.Equal(file.Value, secondFiles[file.Key]));
        Assert.Equal(firstPhotos.Select(p => (p.Status, p.ContentHash, p.Widths)), secondPhotos.Select(p => (p.Status, p.ContentHash, p.Widths)));
    }

    [Fact]
    public async Task The_logo_job_sets_the_shop_logo_once_and_a_second_run_changes_nothing()
    {
        await using var host = await WorkersHost.StartAsync();
        var shopId = await ShopAsync(host);
        var original = $"originals/logos/{Guid.NewGuid():N}";
        await host.Services.GetRequiredService<IFileStore>().SaveAsync(original, new MemoryStream(TestImages.Jpeg(600, 400)));
        Task RunAsync() => host.InScopeAsync(sp => sp.GetRequiredService<ProcessShopLogoJob>().RunAsync(shopId, original, CancellationToken.None));
        Task<string?> LogoAsync() => host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Shops.Where(s => s.Id == shopId).Select(s => s.LogoKey).SingleAsync());

        await RunAsync();
        var logo = await LogoAsync();
        var files = StoredFiles(host);
        await RunAsync();

        Assert.NotNull(logo);
        Assert.Contains(ProcessAvatarJob.PublicKey(logo, 96, "webp"), files.Keys);
        Assert.DoesNotContain(original, files.Keys);
        Assert.Equal(logo, await LogoAsync());
        Assert.Equal(files.Keys.Order(), StoredFiles(host).Keys.Order());
    }
}
