using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RedMvc.Cluster.Tests;

/// <summary>
/// The real journey on the deployed shape of the site (deploy/local/run.sh): two web processes
/// behind nginx round robin, two worker processes sharing Hangfire in PostgreSQL, one shared data
/// folder. Each test owns its members; the invariants at the end hold for the whole cluster.
/// </summary>
public partial class ClusterTests(LocalCluster cluster, ITestOutputHelper output) : IClassFixture<LocalCluster>
{
    private const int Pending = 0, Ready = 1;
    private const int PendingPayment = 0, Paid = 1, Processing = 2, Shipped = 3, Delivered = 4;
    private static readonly int[] FulfilledTimeline = [PendingPayment, Paid, Processing, Shipped, Delivered];
    private static readonly TimeSpan JobTimeout = ClusterSite.JobTimeout;

    /// <summary>The mails a buyer gets for an order of one line that is delivered.</summary>
    private static readonly string[] BuyerHearsOfAnOrder = ["order-pendingpayment", "order-paid", "order-shipped", "order-delivered", "review-invitation"];

    private readonly ClusterSite _site = new(cluster);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public Task A_member_registers_posts_and_buys_through_nginx_and_her_session_follows_her_to_either_node() => RecordedAsync(async () =>
    {
        // Registration: the confirmation mail is written once, and its link confirms.
        var author = Person.New("小红");
        var authorBrowser = await _site.RegisterAndConfirmAsync(author);
        Step("registered and confirmed");

        // Signed in on web1 directly; web2 reads the same cookie (data-protection keys in the database).
        await ClusterSite.SignOutAsync(authorBrowser);
        Assert.False((await authorBrowser.GetAsync("/")).ShowsSignedIn(author));
        await _site.SignInAsync(authorBrowser, author.Email, node: cluster.Web(1));
        var onWeb2 = await authorBrowser.GetAsync(cluster.Web(2), "/notes/mine");
        Assert.Equal(cluster.Web(2), new Uri(onWeb2.Uri, "/"));
        Assert.Equal("/notes/mine", onWeb2.Url); // not sent to sign in
        Assert.True(onWeb2.ShowsSignedIn(author));
        for (var i = 0; i < 4; i++) Assert.True((await authorBrowser.GetAsync("/")).ShowsSignedIn(author), "signed in through nginx, whichever node answers");
        Step("signed in on web1, signed in on web2 and through nginx");

        // A note with photos: a worker makes their sizes, and the page shows them.
        var noteId = await PostNoteAsync(authorBrowser, "周末的咖啡馆", Photos.Files(3, seed: 1));
        var notePage = await Eventually.WaitAsync("the note's photos to be processed", JobTimeout, async () =>
        {
            var page = await authorBrowser.GetAsync($"/notes/{noteId}");
            return page.Document.QuerySelectorAll(".carousel__slide img.photo__img").Length == 3 ? page : null;
        }, _site.ExplainAsync);
        foreach (var src in notePage.Document.QuerySelectorAll(".carousel__slide img.photo__img").Select(i => i.GetAttribute("src")!))
        {
            using var image = await authorBrowser.GetRawAsync(src);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        }
        Assert.All(await _site.Db.PhotosOfAsync(author), p => Assert.Equal(Ready, p.Status));
        Step("posted a note; its 3 photos processed");

        // Another member likes it and comments; the author sees both.
        var buyer = Person.New("阿青");
        var buyerBrowser = await _site.RegisterAndConfirmAsync(buyer);
        var liked = await buyerBrowser.SubmitAsync($"/notes/{noteId}", $"/notes/{noteId}/like");
        Assert.NotNull(liked.Document.QuerySelector($"form[action='/notes/{noteId}/unlike']"));
        var commented = await buyerBrowser.SubmitAsync(liked, $"/notes/{noteId}/comments", new Dictionary<string, string> { ["Body"] = "看起来好舒服，求地址！" });
        Assert.Contains("看起来好舒服，求地址！", commented.Text);
        await Eventually.WaitAsync("the author to see the like and the comment", JobTimeout, async () =>
        {
            var seen = await authorBrowser.GetAsync($"/notes/{noteId}");
            return seen.Text.Contains("看起来好舒服，求地址！")
                && seen.Document.QuerySelector($"form[action='/notes/{noteId}/like'] button span")?.TextContent.Trim() == "1";
        }, _site.ExplainAsync);
        Step("liked and commented");

        // An order: placed and paid in the sandbox, fulfilled by a worker, shipped by the brand, delivered by the carrier job.
        var shop = await _site.OpenShopAsync("陶瓷保温杯", stock: 5);
        Step("brand made by staff, product on sale");
        await ClusterSite.AddAddressAsync(buyerBrowser);
        var orderId = await ClusterSite.BuyAndPayAsync(buyerBrowser, shop.VariantId);
        await _site.WaitForOrdersAsync(buyer, Processing, 1);
        await ClusterSite.ShipAsync(shop.Brand, orderId);
        await _site.WaitForOrdersAsync(buyer, Delivered, 1);
        Step("order paid, fulfilled by a worker, shipped, delivered");
        Assert.Equal(4, await _site.Db.StockAsync(shop.VariantId));
        Assert.Equal(FulfilledTimeline, (await _site.Db.TimelinesAsync([orderId])).Select(e => e.Status));
        var orderPage = await buyerBrowser.GetAsync($"/orders/{orderId}");
        Assert.Contains($"SF{orderId:D10}", orderPage.Text);

        // Every mail these three had, once: one outbox row per purpose, one .eml per row.
        await AssertMailOnceAsync(author, ["confirm-email"]);
        await AssertMailOnceAsync(buyer, ["confirm-email", .. BuyerHearsOfAnOrder]);
        await AssertMailOnceAsync(shop.Person, ["confirm-email", "brand-order-paid"]);
        Step("each email written once");
    });

    [Fact]
    public Task A_web_process_and_a_worker_killed_mid_run_lose_no_photo_order_step_email_recurring_run_or_session() => RecordedAsync(async () =>
    {
        var author = Person.New("阿光");
        var authorBrowser = await _site.RegisterAndConfirmAsync(author);
        var buyer = Person.New("回头客");
        var buyerBrowser = await _site.RegisterAndConfirmAsync(buyer);
        await ClusterSite.AddAddressAsync(buyerBrowser);
        var shop = await _site.OpenShopAsync("亚麻围裙", stock: 20);
        var orders = new List<long> { await ClusterSite.BuyAndPayAsync(buyerBrowser, shop.VariantId), await ClusterSite.BuyAndPayAsync(buyerBrowser, shop.VariantId) };
        Step("members, shop and two paid orders ready");

        // A run of jobs: notes with large photos posted one after another. When worker1 is processing
        // photos (and nothing else) while a note is being uploaded, worker1 and web1 are killed. Posting
        // goes on until three more notes are in; a post cut off by the dying node is sent again once.
        var run = new NoteRun();
        var posting = Task.Run(async () =>
        {
            for (var i = 1; i <= NoteRun.MaxNotes && !(run.Killed && run.PostedAfterKill >= 3); i++)
            {
                var afterKill = run.Killed;
                run.Retries += await PostNoteWithOneRetryAsync(authorBrowser, $"胶片日记 {i}", Photos.Files(3, seed: 100 + i, width: 1600, height: 1200), run);
                run.Posted++;
                if (afterKill) run.PostedAfterKill++;
            }
        });
        var worker1 = cluster.Pid("worker1");
        var cutOff = await Eventually.WaitAsync("worker1 to be processing photos while a note is uploaded", TimeSpan.FromSeconds(90), async () =>
        {
            if (posting.IsCompleted) throw new InvalidOperationException("The notes were all posted before worker1 was seen processing photos", posting.Exception);
            var held = (await _site.Db.JobsInFlightAsync()).Where(j => j.ServerId?.Contains($":{worker1}:") == true).ToList();
            // Photo jobs only: a job cut off between saving a mail to the outbox and enqueueing its send
            // leaves it to the outbox sweeper (a minute or two), and a send cut off after writing the file
            // is written again once its claim expires (5 minutes): both by design, and longer than this test waits.
            return held.Count > 0 && held.All(j => j.Queue == "images") && Volatile.Read(ref run.Uploading) > 0 ? held : null;
        }, _site.ExplainAsync);
        var killedAt = DateTimeOffset.UtcNow;
        var postedBefore = run.Posted;
        run.Killed = true; // a note started from now on is posted after the kill
        cluster.Kill("worker1", "web1");
        Step($"killed worker1 holding jobs {string.Join(", ", cutOff.Select(j => j.JobId))} and web1, after {postedBefore} note(s)");

        // While they are down: the session holds, a new order is paid and fulfilled by the other worker.
        for (var i = 0; i < 4; i++) Assert.True((await buyerBrowser.GetAsync("/")).ShowsSignedIn(buyer), "signed in through nginx while web1 is down");
        orders.Add(await ClusterSite.BuyAndPayAsync(buyerBrowser, shop.VariantId));
        await posting.WaitAsync(TimeSpan.FromSeconds(150));
        Step($"posted {run.Posted} notes, {run.PostedAfterKill} after the kill ({run.Retries} post(s) sent again)");
        await _site.WaitForOrdersAsync(buyer, Processing, orders.Count);
        Step("three orders fulfilled");

        await cluster.RestartAsync("web1");
        await cluster.RestartAsync("worker1");
        Step("web1 and worker1 restarted");
        foreach (var node in new[] { cluster.Web(1), cluster.Web(2) })
        {
            var ordersPage = await buyerBrowser.GetAsync(node, "/orders");
            Assert.Equal("/orders", ordersPage.Url);
            Assert.True(ordersPage.ShowsSignedIn(buyer), $"still signed in on {node}");
        }

        // Every photo processed: the jobs worker1 died holding were fetched again and finished.
        await Eventually.WaitAsync("every photo to be processed", TimeSpan.FromSeconds(120),
            async () => (await _site.Db.AllPhotosAsync()).All(p => p.Status != Pending),
            async () => $"{await _site.Db.PendingPhotosAsync()} {await _site.ExplainAsync()}");
        Step("every photo processed");
        var photos = await _site.Db.PhotosOfAsync(author);
        Assert.All(photos, p => Assert.True(p.Status == Ready, $"photo {p.Id} of note {p.NoteId}: status {p.Status} {p.FailureReason}"));
        var posted = await _site.Db.NotesOfAsync(author);
        Assert.InRange(posted.Count, run.Posted, run.Posted + run.Retries); // a post sent again may have been saved the first time too
        Assert.All(posted, n => Assert.Equal(3, photos.Count(p => p.NoteId == n.Id)));
        await Eventually.WaitAsync("the jobs cut off on worker1 to succeed on a live worker", JobTimeout, async () =>
        {
            var states = await _site.Db.StatesOfAsync(cutOff.Select(j => j.JobId));
            return cutOff.All(job => states.Where(s => s.JobId == job.JobId).ToList() is var mine
                && mine[^1].Name == "Succeeded"
                && mine.Any(s => s.Name == "Processing" && s.ServerId?.Contains($":{worker1}:") == false));
        }, _site.ExplainAsync);

        // Every order step once: the brand ships, the carrier job delivers, each timeline has each status once.
        foreach (var orderId in orders) await ClusterSite.ShipAsync(shop.Brand, orderId);
        await _site.WaitForOrdersAsync(buyer, Delivered, orders.Count);
        Step("orders shipped and delivered");
        var timelines = await _site.Db.TimelinesAsync(orders);
        foreach (var orderId in orders)
            Assert.Equal(FulfilledTimeline, timelines.Where(e => e.OrderId == orderId).Select(e => e.Status));
        Assert.Equal(20 - orders.Count, await _site.Db.StockAsync(shop.VariantId));

        // No email twice (and none lost): each person's mails once each, then for the whole site every
        // outbox row sent, one .eml file for each and no file without a row.
        await AssertMailOnceAsync(author, ["confirm-email"]);
        await AssertMailOnceAsync(buyer, ["confirm-email", .. orders.SelectMany(_ => BuyerHearsOfAnOrder)]);
        await AssertMailOnceAsync(shop.Person, ["confirm-email", .. orders.Select(_ => "brand-order-paid")]);
        await Eventually.WaitAsync("every outbox row to be sent", JobTimeout, async () => (await _site.Db.OutboxAsync()).All(m => m.SentAt is not null), _site.ExplainAsync);
        var outbox = await _site.Db.OutboxAsync();
        Assert.DoesNotContain(outbox.GroupBy(m => (m.Purpose, m.Recipient, m.SubjectId)), g => g.Count() > 1);
        var files = PickupMail.All(cluster.MailFolder);
        Assert.All(files, f => Assert.True(f.OutboxId is { } id && outbox.Any(m => m.Id == id), $"{Path.GetFileName(f.File)} has no outbox row"));
        var copies = files.GroupBy(f => f.OutboxId).Where(g => g.Count() > 1).Select(g => $"outbox #{g.Key}: {string.Join(", ", g.Select(f => Path.GetFileName(f.File)))}");
        Assert.Empty(copies);
        Assert.Equal(outbox.Count, files.Count);
        Step($"{outbox.Count} emails, each written once");

        // No recurring job run twice for one occurrence, and the schedule goes on after the kill.
        await Eventually.WaitAsync("a recurring job scheduled after the kill to succeed", TimeSpan.FromSeconds(75), async () =>
            (await _site.Db.RecurringRunsAsync()).Any(r => r.Time >= killedAt.ToUnixTimeSeconds() && r.Succeeded == 1), _site.ExplainAsync);
        var runs = await _site.Db.RecurringRunsAsync();
        Assert.DoesNotContain(runs, r => r.Jobs > 1 || r.Succeeded > 1);
        Step($"{runs.Count} recurring occurrences, each run once");

        // Healthy again: both workers serve jobs, nginx and each node answer Healthy.
        await Eventually.WaitAsync("both worker processes to have a job server", TimeSpan.FromSeconds(30), async () =>
        {
            var servers = await _site.Db.LiveServersAsync();
            return new[] { "worker1", "worker2" }.All(w => servers.Any(s => s.Contains($":{cluster.Pid(w)}:")));
        }, _site.ExplainAsync);
        foreach (var address in new[] { cluster.Site, cluster.Web(1), cluster.Web(2) })
        {
            using var health = await buyerBrowser.GetRawAsync(new Uri(address, "/health").ToString());
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        }
        Assert.All(new[] { "web1", "web2", "worker1", "worker2" }, name => Assert.True(cluster.IsRunning(name), $"{name} is not running"));
        Step("healthy");
    });

    /// <summary>Posts a note through the composer; returns its id from the page the author lands on.</summary>
    private static async Task<long> PostNoteAsync(Browser author, string title, IEnumerable<(string, string, byte[])> photos)
    {
        var form = await author.GetAsync("/notes/new");
        var posted = await author.SubmitMultipartAsync(form, "/notes/new", NoteFields(title), photos);
        Assert.Matches(NoteUrl(), posted.Url);
        return long.Parse(NoteUrl().Match(posted.Url).Groups[1].Value);
    }

    /// <summary>Notes posted during the kill: how many, how many sent again, whether one is being uploaded now.</summary>
    private sealed class NoteRun
    {
        public const int MaxNotes = 24;
        public int Posted, PostedAfterKill, Retries, Uploading;
        public volatile bool Killed;
    }

    /// <summary>Posts a note; when the request is cut off (a node died under it), the author sends it once more. Returns the number of retries.</summary>
    private async Task<int> PostNoteWithOneRetryAsync(Browser author, string title, IReadOnlyList<(string, string, byte[])> photos, NoteRun run)
    {
        string failure;
        try
        {
            var form = await author.GetAsync("/notes/new");
            Interlocked.Increment(ref run.Uploading);
            Browser.Page posted;
            try
            {
                posted = await author.SubmitMultipartAsync(form, "/notes/new", NoteFields(title), photos);
            }
            finally
            {
                Interlocked.Decrement(ref run.Uploading);
            }
            if (NoteUrl().IsMatch(posted.Url)) return 0;
            failure = posted.ToString();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            failure = e.Message;
        }
        Step($"posting '{title}' failed ({failure}); sending it again");
        await PostNoteAsync(author, title, photos);
        return 1;
    }

    private static Dictionary<string, string> NoteFields(string title) => new()
    {
        ["Title"] = title, ["Body"] = "今天的光线刚刚好。", ["Channel"] = "travel", ["Visibility"] = "Public",
        ["Action"] = "Publish", ["ScheduleAt"] = "", ["TimeZone"] = "UTC",
    };

    /// <summary>Once each: the person's outbox rows are exactly these purposes, all sent, each written to exactly one .eml file.</summary>
    private async Task AssertMailOnceAsync(Person person, string[] purposes)
    {
        var recipient = person.Email.ToLowerInvariant();
        var rows = await Eventually.WaitAsync($"mail to {person.Handle}: {string.Join(", ", purposes)}", JobTimeout, async () =>
        {
            var mine = (await _site.Db.OutboxAsync()).Where(m => m.Recipient == recipient).ToList();
            return mine.Count >= purposes.Length && mine.All(m => m.SentAt is not null) ? mine : null;
        }, _site.ExplainAsync);
        Assert.Equal(purposes.Order(), rows.Select(m => m.Purpose).Order());
        var files = PickupMail.AddressedTo(cluster.MailFolder, person.Email);
        Assert.Equal(rows.Select(m => (long?)m.Id).Order(), files.Select(f => f.OutboxId).Order());
    }

    private void Step(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");

    /// <summary>Runs the test; on failure writes what the jobs, outbox and logs said, and keeps the logs.</summary>
    private async Task RecordedAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            cluster.KeepLogs = true;
            output.WriteLine(await _site.ExplainAsync());
            throw;
        }
    }

    [GeneratedRegex(@"^/notes/(\d+)$")]
    private static partial Regex NoteUrl();
}
