using System.Globalization;

namespace RedMvc.Web.Tests;

/// <summary>Times are shown in the member's saved zone, else the browser's (the tz cookie), else China time.</summary>
[Collection(SiteCollection.Name)]
public class TimeZoneTests(RedMvcAppFactory site)
{
    private static readonly Dictionary<string, string> NoFields = [];

    private static string Minute(DateTime utc, string zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zone))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A buyer with one order waiting for payment.</summary>
    private async Task<(Visitor Buyer, Person Person, Order Order)> OrderedAsync()
    {
        var product = await site.OpenShopAsync(stock: 5, title: "时区测试杯");
        var (buyer, person, checkout) = await site.ReadyToCheckOutAsync(product);
        await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);
        return (buyer, person, Assert.Single(await site.OrdersOfAsync(person)));
    }

    private static Task<Visitor.Page> SaveZoneAsync(Visitor member, string zone) =>
        member.SubmitAsync("/settings/profile", "/settings/profile", new Dictionary<string, string> { ["TimeZone"] = zone });

    private static async Task<Visitor.Page> GetWithCookieAsync(Visitor visitor, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await Visitor.Page.FromAsync(await visitor.Client.SendAsync(request));
    }

    private static void AssertShownIn(Visitor.Page page, Order order, string zone, string offset)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Placed {Minute(order.PlacedAt, zone)}", page.Text);
        Assert.Contains($"Pay by {Minute(order.PaymentDueAt, zone)} ({offset})", page.Text);
        var placed = page.Document.QuerySelector(".timeline time")!;
        Assert.Equal(Minute(order.PlacedAt, zone), placed.TextContent);
        Assert.EndsWith("Z", placed.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Order_details_show_times_in_the_members_saved_zone_whatever_the_browser_says()
    {
        var (buyer, _, order) = await OrderedAsync();
        AssertShownIn(await buyer.GetAsync($"/orders/{order.Id}"), order, "Asia/Shanghai", "UTC+8");

        var saved = await SaveZoneAsync(buyer, "America/Los_Angeles");
        Assert.NotEqual("/settings/profile", saved.Url);

        var offset = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles").IsDaylightSavingTime(order.PaymentDueAt) ? "UTC-7" : "UTC-8";
        AssertShownIn(await buyer.GetAsync($"/orders/{order.Id}"), order, "America/Los_Angeles", offset);
        AssertShownIn(await GetWithCookieAsync(buyer, $"/orders/{order.Id}", "tz=Asia%2FTokyo"), order, "America/Los_Angeles", offset);
    }

    [Fact]
    public async Task Without_a_saved_zone_the_browsers_zone_is_used()
    {
        var (buyer, _, order) = await OrderedAsync();
        AssertShownIn(await GetWithCookieAsync(buyer, $"/orders/{order.Id}", "tz=Asia%2FKolkata"), order, "Asia/Kolkata", "UTC+5:30");
        AssertShownIn(await GetWithCookieAsync(buyer, $"/orders/{order.Id}", "tz=Asia/Tokyo"), order, "Asia/Tokyo", "UTC+9");
    }

    [Theory]
    [InlineData("tz=Mars%2FOlympus_Mons")]
    [InlineData("tz=..%2F..%2Fetc%2Fpasswd")]
    [InlineData("tz=China%20Standard%20Time")]
    [InlineData("tz=")]
    public async Task A_junk_tz_cookie_falls_back_to_china_time(string cookie)
    {
        var (buyer, _, order) = await OrderedAsync();
        AssertShownIn(await GetWithCookieAsync(buyer, $"/orders/{order.Id}", cookie), order, "Asia/Shanghai", "UTC+8");
    }

    [Fact]
    public async Task The_profile_page_offers_zones_keeps_the_choice_and_refuses_what_is_not_a_zone()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var page = await GetWithCookieAsync(member, "/settings/profile", "tz=Europe%2FMadrid");
        var options = page.Document.QuerySelectorAll("select[name='TimeZone'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal("", options[0]);
        Assert.Contains("Use my browser's time zone (now Europe/Madrid)", page.Text);
        Assert.Contains("Asia/Shanghai", options);
        Assert.Contains("Europe/Madrid", options); // the browser's own zone can be kept even though it is not a common one
        Assert.Contains("Asia/Shanghai (UTC+8)", page.Text);

        var refused = await SaveZoneAsync(member, "Nowhere/Special");
        Assert.Equal("Choose a time zone from the list.", refused.FieldError("TimeZone"));
        Assert.Null(await ZoneOfAsync(person));

        await SaveZoneAsync(member, "Asia/Tokyo");
        Assert.Equal("Asia/Tokyo", await ZoneOfAsync(person));
        var again = await member.GetAsync("/settings/profile");
        Assert.Equal("Asia/Tokyo", again.Document.QuerySelector("select[name='TimeZone'] option[selected]")!.GetAttribute("value"));

        await SaveZoneAsync(member, "");
        Assert.Null(await ZoneOfAsync(person));
    }

    private Task<string?> ZoneOfAsync(Person person) =>
        site.Services.WithDbAsync(db => db.Users.Where(u => u.Handle == person.Handle).Select(u => u.TimeZone).SingleAsync());

    [Fact]
    public async Task A_scheduled_time_is_typed_read_and_shown_again_in_the_members_zone()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        await SaveZoneAsync(member, "Europe/Berlin");
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var at = DateTime.UtcNow.AddHours(3);
        at = new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Utc);
        var typed = TimeZoneInfo.ConvertTimeFromUtc(at, berlin);

        var form = await member.GetAsync("/notes/new");
        Assert.Equal("Europe/Berlin", form.Document.QuerySelector("input[name='TimeZone']")!.GetAttribute("value"));
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "柏林的早晨", ["Body"] = "定时发布", ["Channel"] = "travel", ["Visibility"] = "Public", ["Action"] = "Schedule",
            ["ScheduleAt"] = typed.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), ["TimeZone"] = "Europe/Berlin",
        };
        var note = await form.SubmitMultipartAsync(member.Client, "/notes/new", fields, TestPhotos.Files(1));
        Assert.Contains($"Scheduled to publish at {typed:yyyy-MM-dd HH:mm}", note.Text);

        var id = long.Parse(note.Url.Split('/')[2]);
        Assert.Equal(at, await site.Services.WithDbAsync(db => db.Notes.Where(n => n.Id == id).Select(n => n.ScheduledFor).SingleAsync()));
        var edit = await member.GetAsync($"/notes/{id}/edit");
        Assert.Equal(typed.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), edit.Document.QuerySelector("#ScheduleAt")!.GetAttribute("value"));
    }
}
