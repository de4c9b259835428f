using Microsoft.AspNetCore.Identity;
using RedMvc.Domain.Email;
using RedMvc.Workers.Commerce;
using RedMvc.Workers.Files;

namespace RedMvc.Web.Tests.Features.Settings;

/// <summary>
/// Deleting an account from the settings page, for each kind of member: everything goes in one
/// transaction or nothing does, the records the law keeps stay without the person, and other
/// people's counts stay right.
/// </summary>
[Collection(SiteCollection.Name)]
public class AccountErasureTests(RedMvcAppFactory site)
{
    private static readonly Dictionary<string, string> NoFields = [];

    private static Task<Visitor.Page> DeleteAccountAsync(Visitor member, Person person) =>
        member.SubmitAsync("/settings/delete", "/settings/delete",
            new Dictionary<string, string> { ["ConfirmHandle"] = person.Handle, ["CurrentPassword"] = Members.Password });

    private static async Task<string> PostNoteAsync(Visitor author, string title, string body = "")
    {
        var form = await author.GetAsync("/notes/new");
        var fields = new Dictionary<string, string> { ["Title"] = title, ["Body"] = body, ["Channel"] = "travel", ["Visibility"] = "Public", ["Action"] = "Publish" };
        // A photo of its own (an odd width): files other notes share would rightly stay.
        var photo = TestPhotos.Jpeg(width: 65 + Random.Shared.Next(1000), seed: 3);
        var page = await form.SubmitMultipartAsync(author.Client, "/notes/new", fields, [("Photos", "mine.jpg", photo)]);
        Assert.Matches(@"^/notes/\d+$", page.Url);
        return page.Url;
    }

    private static long IdOf(string noteUrl) => long.Parse(noteUrl.Split('/')[2]);

    private Task<string> IdOfAsync(Person person) =>
        site.Services.WithDbAsync(db => db.Users.Where(u => u.Handle == person.Handle).Select(u => u.Id).SingleAsync());

    private Task<T> InScopeAsync<T>(Func<AppDbContext, Task<T>> work) => site.Services.WithDbAsync(work);

    private Task DoAsync(Func<AppDbContext, Task> work) => site.Services.WithDbAsync(async db => { await work(db); return true; });

    private Task<long> CommentAsync(string userId, long noteId, string body) => InScopeAsync(async db =>
    {
        var comment = Comment.OnNote(noteId, userId, body, DateTime.UtcNow);
        await NoteComments.AddAsync(db, comment);
        return comment.Id;
    });

    private Task<long> ReplyAsync(string userId, long commentId, string body) => InScopeAsync(async db =>
    {
        var reply = Comment.ReplyTo(await db.Comments.AsNoTracking().SingleAsync(c => c.Id == commentId), userId, body, DateTime.UtcNow);
        await NoteComments.AddAsync(db, reply);
        return reply.Id;
    });

    /// <summary>The stored counts of a note and its comments agree with the rows they count.</summary>
    private async Task AssertCountsRightAsync(long noteId)
    {
        var (note, likes, collects, comments) = await InScopeAsync(async db => (
            await db.Notes.AsNoTracking().SingleAsync(n => n.Id == noteId),
            await db.NoteLikes.CountAsync(l => l.NoteId == noteId),
            await db.Collects.CountAsync(c => c.NoteId == noteId),
            await db.Comments.CountAsync(c => c.NoteId == noteId && c.DeletedAt == null)));
        Assert.Equal(likes, note.LikeCount);
        Assert.Equal(collects, note.CollectCount);
        Assert.Equal(comments, note.CommentCount);
        var commentLikes = await InScopeAsync(db => db.Comments.AsNoTracking().Where(c => c.NoteId == noteId)
            .Select(c => new { c.LikeCount, Rows = db.CommentLikes.Count(l => l.CommentId == c.Id) }).ToListAsync());
        Assert.All(commentLikes, c => Assert.Equal(c.Rows, c.LikeCount));
    }

    private Task<int> GoodbyesQueuedAsync(Person person) => InScopeAsync(db =>
        db.EmailOutbox.CountAsync(m => m.Purpose == EmailPurposes.AccountDeleted && m.Recipient == person.Email.ToLower()));

    /// <summary>The account is gone for good: its row, its sign-in and its profile.</summary>
    private async Task AssertGoneAsync(Person person, string userId)
    {
        Assert.False(await InScopeAsync(db => db.Users.AnyAsync(u => u.Id == userId || u.Handle == person.Handle || u.NormalizedEmail == person.Email.ToUpper())));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync($"/u/{person.Handle}")).Status);
        Assert.Contains("email or password is not correct", (await site.CreateVisitor().SignInAsync(person.Email)).Text);
        var goodbye = await site.Mailbox.WaitForAsync(person.Email, "Your RedMvc account has been deleted");
        Assert.Contains(person.DisplayName, goodbye.TextBody);
        Assert.Equal(1, await GoodbyesQueuedAsync(person));
        // Copies of mail already sent to them (the confirmation link) are gone too.
        Assert.False(await InScopeAsync(db => db.EmailOutbox.AnyAsync(m => m.Recipient == person.Email.ToLower() && m.Purpose == EmailPurposes.ConfirmEmail)));
    }

    /// <summary>The tombstone holding what was kept: no email, no password, locked out, and no page of its own.</summary>
    private async Task<AppUser> AssertTombstoneAsync(string tombstoneId)
    {
        var tombstone = await InScopeAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == tombstoneId));
        Assert.Null(tombstone.Email);
        Assert.Null(tombstone.PasswordHash);
        Assert.True(tombstone.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        Assert.Equal(AccountErasure.Scrubbed, tombstone.DisplayName);
        Assert.True(AccountErasure.IsTombstone(tombstone.Handle));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync($"/u/{tombstone.Handle}")).Status);
        return tombstone;
    }

    private static void AssertScrubbed(ShippingAddress address) =>
        Assert.All(new[] { address.Name, address.Phone, address.Province, address.City, address.District, address.Line }, field => Assert.Equal(AccountErasure.Scrubbed, field));

    /// <summary>Checks out the cart through the real checkout form; the buyer stands on the payment page.</summary>
    private async Task<(Order Order, Payment Payment, Visitor.Page PayPage)> CheckOutAsync(Visitor buyer, Person person)
    {
        var before = (await site.OrdersOfAsync(person)).Select(o => o.Id).ToHashSet();
        var payPage = await (await buyer.GetAsync("/checkout")).SubmitAsync(buyer.Client, "/checkout", NoFields);
        var order = Assert.Single(await site.OrdersOfAsync(person), o => !before.Contains(o.Id));
        var payment = await InScopeAsync(db => db.Payments.AsNoTracking().SingleAsync(p => order.IdempotencyKey.StartsWith(p.CheckoutKey + ":") && p.BuyerId == order.BuyerId));
        return (order, payment, payPage);
    }

    /// <summary>Paid in the sandbox, shipped by the brand and delivered: nobody has to act on it any more.</summary>
    private async Task DeliverAsync(Visitor buyer, Order order, Payment payment, Visitor.Page payPage, string brandId)
    {
        await payPage.SubmitAsync(buyer.Client, $"/pay/sandbox/{payment.Reference}", new Dictionary<string, string> { ["decision"] = "approved" });
        // The fulfil job moves a paid order to Processing; wait for it so the brand's move does not race it.
        await WaitUntilAsync(() => InScopeAsync(db => db.Orders.AnyAsync(o => o.Id == order.Id && o.Status == OrderStatus.Processing)));
        await MoveAsync(l => l.ShipAsync(order.Id, "顺丰", $"SF{order.Id:D10}", brandId));
        await MoveAsync(l => l.MarkDeliveredAsync(order.Id));
    }

    private async Task MoveAsync(Func<OrderLifecycle, Task<bool>> move)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await move(scope.ServiceProvider.GetRequiredService<OrderLifecycle>());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The background work did not finish in time.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_reader_with_orders_is_erased_and_the_orders_stay_without_their_name_phone_or_address()
    {
        var product = await site.OpenShopAsync(stock: 10, title: "注销测试保温杯");
        var brandId = await InScopeAsync(db => db.Shops.Where(s => s.Id == product.ShopId).Select(s => s.OwnerId).SingleAsync());
        var (reader, person, _) = await site.ReadyToCheckOutAsync(product);
        var readerId = await IdOfAsync(person);
        var (delivered, payment, payPage) = await CheckOutAsync(reader, person);
        await DeliverAsync(reader, delivered, payment, payPage, brandId);
        await reader.AddToCartAsync(product, quantity: 2);
        var (cancelled, _, _) = await CheckOutAsync(reader, person);
        var orderPage = await reader.GetAsync($"/orders/{cancelled.Id}");
        await orderPage.SubmitAsync(reader.Client, $"/orders/{cancelled.Id}/cancel", NoFields);
        await reader.AddToCartAsync(product); // a cart and an address book, both theirs alone
        var stockBefore = await site.StockAsync(product);

        var done = await DeleteAccountAsync(reader, person);

        Assert.Contains("Your account has been deleted", done.Text);
        await AssertGoneAsync(person, readerId);
        var orders = await InScopeAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Timeline)
            .Where(o => o.Id == delivered.Id || o.Id == cancelled.Id).OrderBy(o => o.Id).ToListAsync());
        Assert.Equal([OrderStatus.Delivered, OrderStatus.Cancelled], orders.Select(o => o.Status));
        Assert.Equal([delivered.TotalFen, cancelled.TotalFen], orders.Select(o => o.TotalFen));
        Assert.Equal([delivered.Number, cancelled.Number], orders.Select(o => o.Number));
        var tombstoneId = Assert.Single(orders.Select(o => o.BuyerId).Distinct());
        Assert.NotEqual(readerId, tombstoneId);
        await AssertTombstoneAsync(tombstoneId);
        Assert.All(orders, o => AssertScrubbed(o.Address));
        Assert.All(orders.SelectMany(o => o.Timeline), e => Assert.NotEqual(readerId, e.ByUserId));
        Assert.Contains(orders[1].Timeline, e => e.Status == OrderStatus.Cancelled && e.ByUserId == tombstoneId);
        var payments = await InScopeAsync(db => db.Payments.AsNoTracking().Where(p => p.Reference == payment.Reference || p.BuyerId == tombstoneId).ToListAsync());
        Assert.Equal(2, payments.Count);
        Assert.All(payments, p => Assert.Equal(tombstoneId, p.BuyerId));
        Assert.Equal(PaymentStatus.Approved, payments.Single(p => p.Reference == payment.Reference).Status);
        Assert.False(await InScopeAsync(db => db.Addresses.AnyAsync(a => a.UserId == readerId)));
        Assert.False(await InScopeAsync(db => db.CartItems.AnyAsync(i => i.UserId == readerId)));
        Assert.Equal(stockBefore, await site.StockAsync(product));
        // The brand still sees both orders, with nothing that names the reader.
        var brandOrders = await InScopeAsync(db => db.Orders.AsNoTracking().CountAsync(o => o.ShopId == product.ShopId));
        Assert.Equal(2, brandOrders);
    }

    [Fact]
    public async Task An_author_is_erased_and_what_others_did_with_their_notes_goes_while_every_count_stays_right()
    {
        var authorPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var fanPerson = Person.New();
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        var authorId = await IdOfAsync(authorPerson);
        var fanId = await IdOfAsync(fanPerson);
        var theirs = IdOf(await PostNoteAsync(author, "要被注销的笔记", $"和 @{fanPerson.Handle} 一起 #注销测试"));
        var fansNote = IdOf(await PostNoteAsync(fan, "粉丝的笔记", $"感谢 @{authorPerson.Handle}"));
        var now = DateTime.UtcNow;

        // Others on the author's note.
        await DoAsync(db => NoteLikes.LikeAsync(db, theirs, fanId, now));
        await DoAsync(db => Collecting.CollectAsync(db, fanId, theirs, null, now));
        var fanOnTheirs = await CommentAsync(fanId, theirs, "拍得真好");
        // The author on the fan's note: a like, a collect, an answered comment, an unanswered one, a reply and a comment like.
        await DoAsync(db => NoteLikes.LikeAsync(db, fansNote, authorId, now));
        await DoAsync(db => Collecting.CollectAsync(db, authorId, fansNote, null, now));
        var answered = await CommentAsync(authorId, fansNote, "我也去过");
        var fanAnswer = await ReplyAsync(fanId, answered, "下次一起");
        await CommentAsync(authorId, fansNote, "没人回的评论");
        var fanTop = await CommentAsync(fanId, fansNote, "楼主自己顶");
        await ReplyAsync(authorId, fanTop, "作者的回复");
        await DoAsync(db => CommentLikes.LikeAsync(db, fanTop, authorId, now));
        await DoAsync(db => CommentLikes.LikeAsync(db, answered, fanId, now));
        await DoAsync(db => Following.FollowAsync(db, fanId, authorId, now));
        await DoAsync(db => Following.FollowAsync(db, authorId, fanId, now));
        var blockerId = await site.BuyerIdAsync();
        await DoAsync(db => Blocking.BlockAsync(db, blockerId, authorId, now));
        // Wait for the author's photo so there are files for the photo job to remove.
        await WaitUntilAsync(() => InScopeAsync(db => db.NotePhotos.AnyAsync(p => p.NoteId == theirs && p.Status == PhotoStatus.Ready)));
        var photo = await InScopeAsync(db => db.NotePhotos.AsNoTracking().SingleAsync(p => p.NoteId == theirs));
        var files = site.Service<IFileStore>();
        Assert.True(await files.ExistsAsync(photo.OriginalKey));
        Assert.Equal(5, await InScopeAsync(db => db.Comments.CountAsync(c => c.NoteId == fansNote && c.DeletedAt == null)));
        // Found by search (the site's index job), and their recent searches kept.
        await author.GetAsync("/search?q=" + Uri.EscapeDataString("注销测试"));
        await WaitUntilAsync(() => InScopeAsync(async db =>
            await db.SearchNotes.AnyAsync(e => e.NoteId == theirs) && await db.SearchPeople.AnyAsync(e => e.UserId == authorId)));
        Assert.True(await InScopeAsync(db => db.RecentSearches.AnyAsync(s => s.UserId == authorId)));

        var done = await DeleteAccountAsync(author, authorPerson);

        Assert.Contains("Your account has been deleted", done.Text);
        await AssertGoneAsync(authorPerson, authorId);
        // The author's note: gone for everyone, scrubbed, its likes, collects and comments with it.
        Assert.Equal(HttpStatusCode.NotFound, (await fan.GetAsync($"/notes/{theirs}")).Status);
        var husk = await InScopeAsync(db => db.Notes.AsNoTracking().SingleAsync(n => n.Id == theirs));
        Assert.Equal(NoteStatus.Deleted, husk.Status);
        Assert.Equal("", husk.Title);
        Assert.Equal("", husk.Body);
        await AssertTombstoneAsync(husk.AuthorId);
        Assert.False(await InScopeAsync(db => db.NoteLikes.AnyAsync(l => l.NoteId == theirs)));
        Assert.False(await InScopeAsync(db => db.Collects.AnyAsync(c => c.NoteId == theirs)));
        Assert.False(await InScopeAsync(db => db.Comments.AnyAsync(c => c.Id == fanOnTheirs)));
        Assert.False(await InScopeAsync(db => db.NoteMentions.AnyAsync(m => m.NoteId == theirs || m.UserId == authorId)));
        Assert.False(await InScopeAsync(db => db.SearchNotes.AnyAsync(e => e.NoteId == theirs)));
        Assert.False(await InScopeAsync(db => db.RecentSearches.AnyAsync(s => s.UserId == authorId)));
        await WaitUntilAsync(async () => !await InScopeAsync(db => db.SearchOutbox.AnyAsync()));
        Assert.False(await InScopeAsync(db => db.SearchPeople.AnyAsync(e => e.UserId == authorId)));
        Assert.DoesNotContain("要被注销的笔记", (await fan.GetAsync("/search?q=" + Uri.EscapeDataString("注销测试"))).Text);
        // The photo job removes the files and rows after the commit.
        await WaitUntilAsync(async () => !await InScopeAsync(db => db.NotePhotos.AnyAsync(p => p.NoteId == theirs)));
        Assert.False(await files.ExistsAsync(photo.OriginalKey));
        Assert.False(await files.ExistsAsync(NotePhoto.PublicKey(photo.ContentHash!, photo.WidthList.Max(), "jpg")));

        // The fan's note: the author's like, collect, comment like and comments are taken back from its counts.
        await AssertCountsRightAsync(fansNote);
        var fansNoteNow = await InScopeAsync(db => db.Notes.AsNoTracking().SingleAsync(n => n.Id == fansNote));
        Assert.Equal((0, 0, 2), (fansNoteNow.LikeCount, fansNoteNow.CollectCount, fansNoteNow.CommentCount));
        var placeholder = await InScopeAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == answered));
        Assert.NotNull(placeholder.DeletedAt);
        Assert.Equal("", placeholder.Body);
        Assert.Equal(husk.AuthorId, placeholder.AuthorId);
        var page = await fan.GetAsync($"/notes/{fansNote}");
        Assert.Contains("下次一起", page.Text);
        Assert.Contains("楼主自己顶", page.Text);
        Assert.DoesNotContain("我也去过", page.Text);
        Assert.DoesNotContain("没人回的评论", page.Text);
        Assert.DoesNotContain("作者的回复", page.Text);
        Assert.DoesNotContain(authorPerson.DisplayName, page.Text);
        Assert.Null(await InScopeAsync(db => db.Comments.Where(c => c.Id == fanAnswer).Select(c => c.ReplyToUserId).SingleAsync()));
        // The fan keeps their board and note; nothing points at the author any more.
        Assert.True(await InScopeAsync(db => db.Boards.AnyAsync(b => b.OwnerId == fanId)));
        Assert.False(await InScopeAsync(db => db.Follows.AnyAsync(f => f.FollowerId == authorId || f.FolloweeId == authorId)));
        Assert.False(await InScopeAsync(db => db.Blocks.AnyAsync(b => b.BlockerId == authorId || b.BlockedId == authorId)));
        Assert.False(await InScopeAsync(db => db.Notifications.AnyAsync(n => n.ActorId == authorId || n.RecipientId == authorId || n.NoteId == theirs)));
        Assert.Equal(HttpStatusCode.OK, (await fan.GetAsync("/notifications")).Status);
    }

    [Fact]
    public async Task A_brand_is_erased_the_shop_closes_and_its_sales_and_stock_ledger_stay()
    {
        var brandPerson = Person.New();
        var brand = await site.ConfirmedMemberAsync(brandPerson);
        var brandId = await IdOfAsync(brandPerson);
        var (shopId, productId, variantId, draftId, takenDownId) = await InScopeAsync(async db =>
        {
            var shop = new Shop(brandId, brandPerson.Handle, "要关的店", DateTime.UtcNow);
            shop.Describe("要关的店", "手工杯子");
            db.Shops.Add(shop);
            await db.SaveChangesAsync();
            var product = Product.Draft(shop.Id, "关店前的杯子", "好用", "home", DateTime.UtcNow);
            var variant = product.AddVariant("奶白", 8800, null, 5);
            product.AddPhoto(new ProductPhoto("originals/none", 0));
            product.Activate(DateTime.UtcNow);
            var draft = Product.Draft(shop.Id, "没上架的杯子", "", "home", DateTime.UtcNow);
            var takenDown = Product.Draft(shop.Id, "被下架的杯子", "", "home", DateTime.UtcNow);
            takenDown.AddVariant("黑", 8800, null, 1);
            takenDown.AddPhoto(new ProductPhoto("originals/none", 0));
            takenDown.Activate(DateTime.UtcNow);
            takenDown.TakeDown("Counterfeit", DateTime.UtcNow);
            db.Products.AddRange(product, draft, takenDown);
            await db.SaveChangesAsync();
            return (shop.Id, product.Id, variant.Id, draft.Id, takenDown.Id);
        });
        await DoAsync(async db =>
        {
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.Brand);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = brandId, RoleId = role.Id });
            await db.SaveChangesAsync();
        });
        await DoAsync(db => ShopStock.AdjustAsync(db, variantId, 3, "补货", brandId, DateTime.UtcNow));
        var product = new Shopping.Product(shopId, productId, variantId, "关店前的杯子", "奶白");
        var (buyer, buyerPerson, _) = await site.ReadyToCheckOutAsync(product);
        var (sold, payment, payPage) = await CheckOutAsync(buyer, buyerPerson);
        await DeliverAsync(buyer, sold, payment, payPage, brandId);

        // Delivered is not finished for a shop: the buyer may still return it.
        var refused = await DeleteAccountAsync(brand, brandPerson);
        Assert.Contains("Your shop has orders that are not finished yet", refused.Text);
        Assert.True(await InScopeAsync(db => db.Shops.AnyAsync(s => s.Id == shopId && s.OwnerId == brandId)));

        // The return window passes and the order completes.
        await DoAsync(db => db.Orders.Where(o => o.Id == sold.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.DeliveredAt, DateTime.UtcNow.AddDays(-8))));
        await MoveAsync(l => l.CompleteAsync(sold.Id));
        Assert.Equal(HttpStatusCode.OK, (await buyer.GetAsync($"/shops/{brandPerson.Handle}")).Status); // signed in: never output-cached

        var done = await DeleteAccountAsync(brand, brandPerson);

        Assert.Contains("Your account has been deleted", done.Text);
        await AssertGoneAsync(brandPerson, brandId);
        Assert.False(await InScopeAsync(db => db.UserRoles.AnyAsync(r => r.UserId == brandId)));
        var shop = await InScopeAsync(db => db.Shops.AsNoTracking().SingleAsync(s => s.Id == shopId));
        var tombstone = await AssertTombstoneAsync(shop.OwnerId);
        Assert.Equal(AccountErasure.Scrubbed, shop.Name);
        Assert.Null(shop.Description);
        Assert.Equal(tombstone.Handle, shop.Handle);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync($"/shops/{brandPerson.Handle}")).Status);
        // What was on sale is archived and still reachable from the order; the draft stays nobody's draft.
        var statuses = await InScopeAsync(db => db.Products.AsNoTracking().Where(p => p.ShopId == shopId).ToDictionaryAsync(p => p.Id, p => p.Status));
        Assert.Equal(ProductStatus.Archived, statuses[productId]);
        Assert.Equal(ProductStatus.Draft, statuses[draftId]);
        // Staff restoring the taken-down one later brings it back archived, not on sale for a shop nobody runs.
        Assert.Equal(ProductStatus.Archived, await InScopeAsync(db => db.Products.Where(p => p.Id == takenDownId).Select(p => p.StatusBeforeTakedown).SingleAsync()));
        var productPage = await site.CreateVisitor().GetAsync($"/products/{productId}");
        Assert.Equal(HttpStatusCode.OK, productPage.Status);
        Assert.Contains("no longer available", productPage.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync($"/products/{draftId}")).Status);
        // The sale, its payment and the stock ledger stay; the buyer's order is untouched.
        var order = await InScopeAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Timeline).SingleAsync(o => o.Id == sold.Id));
        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal(sold.BuyerId, order.BuyerId);
        Assert.Equal(Shopping.Home["Name"], order.Address.Name);
        Assert.Contains(order.Timeline, e => e.Status == OrderStatus.Shipped && e.ByUserId == tombstone.Id);
        Assert.DoesNotContain(order.Timeline, e => e.ByUserId == brandId);
        Assert.Equal(PaymentStatus.Approved, (await InScopeAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id))).Status);
        var ledger = await InScopeAsync(db => db.StockAdjustments.AsNoTracking().Where(a => a.VariantId == variantId).ToListAsync());
        var entry = Assert.Single(ledger);
        Assert.Equal((3, "补货", tombstone.Id), (entry.Delta, entry.Reason, entry.ByUserId));
        var buyerOrderPage = await buyer.GetAsync($"/orders/{sold.Id}");
        Assert.Equal(HttpStatusCode.OK, buyerOrderPage.Status);
        Assert.Contains("关店前的杯子", buyerOrderPage.Text);
    }

    [Fact]
    public async Task An_erased_member_leaves_no_mail_choices_no_last_seen_and_no_unsent_notification_mail()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var userId = await IdOfAsync(person);
        await member.SubmitAsync("/settings/notifications", "/settings/notifications",
            MailCategories.All.ToDictionary(c => $"Choices[{c}]", c => (c == MailCategory.WeeklyDigest ? MailChoice.Off : MailCategories.DefaultOf(c)).ToString()));
        // A notification mail queued a moment before the erasure and not sent yet (no job is told of it).
        await DoAsync(async db =>
        {
            db.EmailOutbox.Add(new EmailOutboxMessage("notify-repliesandmentions", person.Email, "1-2", "2 new replies", "<p>hi</p>", "hi", "https://localhost/unsubscribe/x"));
            await db.SaveChangesAsync();
        });
        Assert.True(await InScopeAsync(db => db.EmailPreferences.AnyAsync(p => p.UserId == userId)));
        Assert.True(await InScopeAsync(db => db.LastSeen.AnyAsync(s => s.UserId == userId)));

        await DeleteAccountAsync(member, person);

        await AssertGoneAsync(person, userId);
        Assert.False(await InScopeAsync(db => db.EmailPreferences.AnyAsync(p => p.UserId == userId)));
        Assert.False(await InScopeAsync(db => db.LastSeen.AnyAsync(s => s.UserId == userId)));
        Assert.False(await InScopeAsync(db => db.EmailOutbox.AnyAsync(m => m.Recipient == person.Email.ToLower() && m.Purpose == "notify-repliesandmentions")));
    }

    [Fact]
    public async Task A_member_with_an_order_still_open_is_told_to_finish_it_and_keeps_everything()
    {
        var product = await site.OpenShopAsync(stock: 3, title: "未完成订单杯");
        var (reader, person, checkout) = await site.ReadyToCheckOutAsync(product);
        await checkout.SubmitAsync(reader.Client, "/checkout", NoFields);
        var readerId = await IdOfAsync(person);

        var refused = await DeleteAccountAsync(reader, person);

        Assert.Equal("/settings/delete", refused.Url);
        Assert.Contains("You have orders that are not finished yet", refused.Text);
        var order = Assert.Single(await site.OrdersOfAsync(person));
        Assert.Equal((readerId, OrderStatus.PendingPayment, Shopping.Home["Phone"]), (order.BuyerId, order.Status, order.Address.Phone));
        Assert.True(await InScopeAsync(db => db.Addresses.AnyAsync(a => a.UserId == readerId)));
        Assert.Equal(0, await GoodbyesQueuedAsync(person));
        Assert.Contains("@" + person.Handle, (await reader.GetAsync("/settings")).Text);
    }

    [Fact]
    public async Task A_failure_half_way_leaves_the_account_whole_and_sends_no_mail()
    {
        var authorPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var otherPerson = Person.New();
        var other = await site.ConfirmedMemberAsync(otherPerson);
        var authorId = await IdOfAsync(authorPerson);
        var otherId = await IdOfAsync(otherPerson);
        var theirs = IdOf(await PostNoteAsync(author, "失败也不丢的笔记"));
        var othersNote = IdOf(await PostNoteAsync(other, "别人的笔记"));
        var now = DateTime.UtcNow;
        await DoAsync(db => NoteLikes.LikeAsync(db, othersNote, authorId, now));
        await DoAsync(db => Collecting.CollectAsync(db, authorId, othersNote, null, now));
        await DoAsync(db => NoteLikes.LikeAsync(db, theirs, otherId, now));
        var comment = await CommentAsync(authorId, othersNote, "失败测试评论");
        await ReplyAsync(otherId, comment, "回复");
        var product = await site.OpenShopAsync(stock: 3, title: "失败测试杯");
        await author.AddAddressAsync();
        await author.AddToCartAsync(product);
        var (order, _, _) = await CheckOutAsync(author, authorPerson);
        await (await author.GetAsync($"/orders/{order.Id}")).SubmitAsync(author.Client, $"/orders/{order.Id}/cancel", NoFields);
        var usersBefore = await InScopeAsync(db => db.Users.CountAsync());
        var othersBefore = await InScopeAsync(db => db.Notes.AsNoTracking().SingleAsync(n => n.Id == othersNote));
        // The very last statement (the account row) fails: everything before it must roll back.
        var trigger = "fail_erase_" + Guid.NewGuid().ToString("N")[..8];
        // DDL takes no parameters; both names are made here from a GUID.
        var (create, drop) = ServerDatabase.FromEnvironment() is null
            ? ($"CREATE TRIGGER {trigger} BEFORE DELETE ON AspNetUsers WHEN OLD.Id = '{authorId}' BEGIN SELECT RAISE(ABORT, 'forced failure'); END;",
                $"DROP TRIGGER {trigger};")
            : ($$"""
                CREATE FUNCTION {{trigger}}() RETURNS trigger AS $body$
                BEGIN IF OLD."Id" = '{{authorId}}' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN OLD; END $body$ LANGUAGE plpgsql;
                CREATE TRIGGER {{trigger}} BEFORE DELETE ON "AspNetUsers" FOR EACH ROW EXECUTE FUNCTION {{trigger}}();
                """,
                $"""DROP TRIGGER {trigger} ON "AspNetUsers"; DROP FUNCTION {trigger}();""");
        await DoAsync(db => db.Database.ExecuteSqlRawAsync(create));
        try
        {
            var failed = await DeleteAccountAsync(author, authorPerson);

            Assert.Equal("/settings/delete", failed.Url);
            Assert.Contains("We could not delete your account just now, and nothing was changed", failed.Text);
        }
        finally
        {
            await DoAsync(db => db.Database.ExecuteSqlRawAsync(drop));
        }

        Assert.Equal(usersBefore, await InScopeAsync(db => db.Users.CountAsync()));
        var othersNow = await InScopeAsync(db => db.Notes.AsNoTracking().SingleAsync(n => n.Id == othersNote));
        Assert.Equal((othersBefore.LikeCount, othersBefore.CollectCount, othersBefore.CommentCount), (othersNow.LikeCount, othersNow.CollectCount, othersNow.CommentCount));
        Assert.True(await InScopeAsync(db => db.NoteLikes.AnyAsync(l => l.NoteId == othersNote && l.UserId == authorId)));
        Assert.True(await InScopeAsync(db => db.Collects.AnyAsync(c => c.NoteId == othersNote && c.UserId == authorId)));
        Assert.True(await InScopeAsync(db => db.NoteLikes.AnyAsync(l => l.NoteId == theirs && l.UserId == otherId)));
        var kept = await InScopeAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == comment));
        Assert.Equal((authorId, "失败测试评论", (DateTime?)null), (kept.AuthorId, kept.Body, kept.DeletedAt));
        var note = await InScopeAsync(db => db.Notes.AsNoTracking().SingleAsync(n => n.Id == theirs));
        Assert.Equal((authorId, NoteStatus.Published, "失败也不丢的笔记"), (note.AuthorId, note.Status, note.Title));
        var orderNow = Assert.Single(await site.OrdersOfAsync(authorPerson));
        Assert.Equal((authorId, Shopping.Home["Name"]), (orderNow.BuyerId, orderNow.Address.Name));
        Assert.True(await InScopeAsync(db => db.Addresses.AnyAsync(a => a.UserId == authorId)));
        Assert.Equal(0, await GoodbyesQueuedAsync(authorPerson));
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync($"/u/{authorPerson.Handle}")).Status);
        await AssertCountsRightAsync(othersNote);

        // With the fault gone, the same request goes through.
        Assert.Contains("Your account has been deleted", (await DeleteAccountAsync(author, authorPerson)).Text);
        await AssertGoneAsync(authorPerson, authorId);
        await AssertCountsRightAsync(othersNote);
    }
}
