using System.Text.RegularExpressions;

namespace RedMvc.Cluster.Tests;

/// <summary>What people do on the cluster's site, through nginx, with the site's real forms.</summary>
public sealed partial class ClusterSite(LocalCluster cluster)
{
    public static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _adminLock = new(1, 1);
    private Browser? _admin;

    public LocalCluster Cluster => cluster;
    public ClusterDatabase Db { get; } = new(cluster.ConnectionString);

    public Browser NewBrowser() => new(cluster.Site);

    /// <summary>Waits for the email the site writes a moment after a request (a worker sends it).</summary>
    public Task<PickupMail> MailAsync(string to, string subject) =>
        Eventually.WaitAsync($"an email '{subject}' to {to}", JobTimeout,
            () => Task.FromResult(PickupMail.AddressedTo(cluster.MailFolder, to).FirstOrDefault(m => m.Subject == subject)), ExplainAsync);

    /// <summary>Registers through the form, follows the link in the confirmation email and signs in.</summary>
    public async Task<Browser> RegisterAndConfirmAsync(Person person)
    {
        var browser = NewBrowser();
        var registered = await browser.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["Email"] = person.Email, ["DisplayName"] = person.DisplayName, ["Handle"] = person.Handle, ["Password"] = Members.Password,
        });
        Assert.Equal("/account/check-email", registered.Url);
        var mail = await MailAsync(person.Email, "Confirm your email for RedMvc");
        var confirmed = await browser.GetAsync(mail.LinkTo("/account/confirm-email"));
        Assert.Contains("Your email is confirmed", confirmed.Text);
        await SignInAsync(browser, person.Email);
        return browser;
    }

    /// <summary>Signs in on the node given (a web process directly), else through nginx.</summary>
    public async Task SignInAsync(Browser browser, string email, string password = Members.Password, Uri? node = null)
    {
        var form = await browser.GetAsync(new Uri(node ?? cluster.Site, "/account/sign-in").ToString());
        var signedIn = await browser.SubmitAsync(form, "/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.Equal("/", signedIn.Url);
        Assert.Equal(node ?? cluster.Site, new Uri(signedIn.Uri, "/"));
    }

    public static async Task SignOutAsync(Browser browser)
    {
        var home = await browser.GetAsync("/");
        await browser.SubmitAsync(home, "/account/sign-out");
    }

    /// <summary>The site's Admin, made once with run.sh create-admin and signed in.</summary>
    public async Task<Browser> AdminAsync()
    {
        await _adminLock.WaitAsync();
        try
        {
            if (_admin is not null) return _admin;
            var email = $"admin{Guid.NewGuid().ToString("N")[..8]}@example.test";
            var password = await cluster.CreateAdminAsync(email);
            var admin = NewBrowser();
            await SignInAsync(admin, email, password);
            return _admin = admin;
        }
        finally
        {
            _adminLock.Release();
        }
    }

    public sealed record Shop(Browser Brand, Person Person, long ProductId, long VariantId);

    /// <summary>
    /// A member staff make a brand on /admin/shops; the brand puts a product on sale with a photo
    /// (a worker processes it) and this stock, as its dashboard's forms do.
    /// </summary>
    public async Task<Shop> OpenShopAsync(string title, int stock)
    {
        var person = Person.New("枫叶生活馆", "b");
        var brand = await RegisterAndConfirmAsync(person);
        var admin = await AdminAsync();
        var found = await admin.GetAsync($"/admin/shops?member={person.Handle}");
        var granted = await admin.SubmitAsync(found, "/admin/shops/grant", new Dictionary<string, string> { ["reason"] = "Cluster test brand." });
        Assert.Contains($"/shops/{person.Handle}", granted.Html);
        await SignOutAsync(brand); // the role arrives with the next sign-in
        await SignInAsync(brand, person.Email);

        var form = await brand.GetAsync("/brand/products/new");
        var created = await brand.SubmitMultipartAsync(form, "/brand/products/new", new Dictionary<string, string>
        {
            ["Title"] = title, ["Description"] = "好用的日常小物", ["Category"] = "home",
            ["Variants[0].Name"] = "奶白", ["Variants[0].Price"] = "129.00", ["Variants[0].CompareAt"] = "", ["Variants[0].Stock"] = stock.ToString(),
        }, Photos.Files(1, seed: Random.Shared.Next(1000)));
        Assert.Matches(ProductEditUrl(), created.Url);
        var productId = long.Parse(ProductEditUrl().Match(created.Url).Groups[1].Value);
        await brand.SubmitAsync(created, $"/brand/products/{productId}/activate");
        var variantId = await Db.ScalarAsync<long>("""SELECT "Id" FROM "ProductVariants" WHERE "ProductId" = @productId""", new { productId });
        Assert.Equal(HttpStatusCode.OK, (await NewBrowser().GetAsync($"/products/{productId}")).Status);
        return new Shop(brand, person, productId, variantId);
    }

    public static async Task AddAddressAsync(Browser buyer)
    {
        var saved = await buyer.SubmitAsync("/settings/addresses/new", "/settings/addresses/new", new Dictionary<string, string>
        {
            ["Name"] = Shops.Home.Name, ["Phone"] = Shops.Home.Phone, ["Province"] = Shops.Home.Province,
            ["City"] = Shops.Home.City, ["District"] = Shops.Home.District, ["Line"] = Shops.Home.Line,
        });
        Assert.Equal("/settings/addresses", saved.Url);
    }

    /// <summary>One unit into the cart, checkout, approve in the sandbox; returns the order's id from the page the buyer lands on.</summary>
    public static async Task<long> BuyAndPayAsync(Browser buyer, long variantId)
    {
        var confirm = await buyer.GetAsync($"/cart/add?VariantId={variantId}&Quantity=1");
        await buyer.SubmitAsync(confirm, "/cart/add");
        var checkout = await buyer.GetAsync("/checkout");
        Assert.Equal("/checkout", checkout.Url);
        var payPage = await buyer.SubmitAsync(checkout, "/checkout");
        Assert.StartsWith("/pay/sandbox/", payPage.Url);
        var orderPage = await buyer.SubmitAsync(payPage, payPage.Url, new Dictionary<string, string> { ["decision"] = "approved" });
        Assert.Matches(OrderUrl(), orderPage.Url);
        Assert.Contains("Payment received", orderPage.Text);
        return long.Parse(OrderUrl().Match(orderPage.Url).Groups[1].Value);
    }

    /// <summary>The brand ships the order from its orders page with a tracking number.</summary>
    public static async Task ShipAsync(Browser brand, long orderId)
    {
        var orders = await brand.GetAsync("/brand/orders");
        var shipped = await brand.SubmitAsync(orders, $"/brand/orders/{orderId}/ship",
            new Dictionary<string, string> { ["carrier"] = "顺丰", ["trackingNumber"] = $"SF{orderId:D10}" });
        Assert.Equal("/brand/orders", shipped.Url);
    }

    /// <summary>Waits until every order has reached the status (a worker moves it).</summary>
    public Task WaitForOrdersAsync(Person buyer, int status, int count) =>
        Eventually.WaitAsync($"{count} order(s) of {buyer.Handle} in status {status}", JobTimeout, async () =>
        {
            var orders = await Db.OrdersOfAsync(buyer);
            return orders.Count == count && orders.All(o => o.Status == status);
        }, ExplainAsync);

    /// <summary>What the jobs, the outbox and the processes say, for a wait that ran out.</summary>
    public async Task<string> ExplainAsync()
    {
        try
        {
            var unsent = (await Db.OutboxAsync()).Where(m => m.SentAt is null)
                .Select(m => $"#{m.Id} {m.Purpose} to {m.Recipient} attempts={m.Attempts} locked={m.LockedUntil:HH:mm:ss} {m.LastError}");
            return $"{await Db.JobSummaryAsync()} Unsent mail: {string.Join("; ", unsent)}.{cluster.LogTails()}";
        }
        catch (Exception e)
        {
            return $"(could not read the database: {e.Message}){cluster.LogTails()}";
        }
    }

    [GeneratedRegex(@"^/brand/products/(\d+)/edit$")]
    private static partial Regex ProductEditUrl();

    [GeneratedRegex(@"^/orders/(\d+)$")]
    private static partial Regex OrderUrl();
}
