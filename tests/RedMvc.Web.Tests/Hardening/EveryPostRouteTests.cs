using RedMvc.Domain.Groups;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging;

namespace RedMvc.Web.Tests;

/// <summary>
/// QUALITY.md, "never a 500": every POST route the app maps (found in its EndpointDataSource, not listed by hand), sent
/// by a visitor, a member who owns a shop, a note, a board, an address and an order, and (for the staff area) an admin,
/// each with a valid antiforgery token: a body that cannot be read, one beyond the form limits, and every field the
/// action binds at the extremes of its type. Any 5xx fails, with the route, the case and the exception logged.
/// </summary>
public class EveryPostRouteTests(EveryPostRouteTests.Site site) : IClassFixture<EveryPostRouteTests.Site>
{
    [Fact]
    public async Task No_post_route_answers_a_server_error_to_broken_oversized_or_extreme_input()
    {
        var people = await site.PeopleAsync();
        var failures = new List<string>();
        var sent = 0;
        foreach (var route in PostRoutes())
        {
            var senders = route.IsStaffArea ? [people.Visitor, people.Member, people.Admin] : new[] { people.Visitor, people.Member };
            foreach (var sender in senders)
            {
                // Every field at its extremes only for whoever the action is for; the others get the other cases.
                var deep = (route.IsStaffArea ? sender == people.Admin : sender == people.Member) || sender == people.Visitor && !route.NeedsSignIn;
                foreach (var (name, request) in Cases(route, people, deep))
                {
                    sent++;
                    site.Errors.Clear();
                    using var response = await sender.Client.SendAsync(request(sender.Token));
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{route.Template} [{sender.Name}] {name}: {(int)response.StatusCode} {string.Join(" | ", site.Errors)}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 5xx:\n" + string.Join("\n", failures));
        Assert.True(sent > 1000, $"only {sent} requests sent"); // the walk found the routes and their fields
    }

    /// <summary>Every endpoint a POST can reach: MVC actions (any area) and endpoints mapped for any method (the jobs dashboard).</summary>
    private IEnumerable<PostRoute> PostRoutes()
    {
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<PostRoute>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is not null && !methods.Contains("POST")) continue;
            var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            routes.Add(new PostRoute(template, endpoint.RoutePattern, action));
        }
        // Signing out ends the walker's own sessions; it goes last.
        return routes.DistinctBy(r => r.Template).OrderBy(r => r.Template.EndsWith("/sign-out", StringComparison.Ordinal))
            .ThenBy(r => Destructive(r.Template)).ThenBy(r => r.Template, StringComparer.Ordinal);
    }

    private static bool Destructive(string template) =>
        new[] { "delete", "remove", "archive", "cancel", "detach", "uncollect", "block" }.Any(w => template.Contains(w, StringComparison.Ordinal));

    private delegate HttpRequestMessage Request(string token);

    private static IEnumerable<(string Name, Request Request)> Cases(PostRoute route, People people, bool deep)
    {
        var real = route.Url(p => people.RealValue(route.Template, p));
        var fields = route.Fields().ToList();
        var plausible = fields.ToDictionary(f => f.Name, f => people.RealField(f.Name) ?? f.Plausible);

        yield return ("plausible", token => UrlEncoded(real, plausible, token));
        yield return ("cut multipart", token => CutMultipart(real, token));
        yield return ("broken %-escapes", token => Raw(real, "a=%zz&b=%E4%B8&%=1&" + string.Join("&", plausible.Select(f => $"{f.Key}=%G0{f.Value}")), "application/x-www-form-urlencoded", token));
        if (!deep) yield break;
        yield return ("5 MB field", token => Raw(real, "a=" + new string('x', 5 * 1024 * 1024), "application/x-www-form-urlencoded", token));
        var files = fields.Where(f => f.IsFile).Select(f => f.Name).ToList();
        if (files.Count > 0)
        {
            yield return ("not a photo", token => Multipart(real, plausible, files, token, "GIF89a not really"u8.ToArray()));
            // Over the route's own upload limit, or over the per-photo limit (20 MB) where the route allows a whole post of photos.
            var limit = Math.Min(route.Action!.EndpointMetadata.OfType<RequestFormLimitsAttribute>().FirstOrDefault()?.MultipartBodyLengthLimit ?? long.MaxValue, 20 * 1024 * 1024);
            yield return ("upload over the limit", token => Multipart(real, plausible, files.Take(1), token, new byte[limit + 2 * 1024 * 1024]));
        }
        // Every route value at its extremes, with the other values real and a plausible body.
        foreach (var parameter in route.Pattern.Parameters)
            foreach (var extreme in RouteExtremes(parameter))
                yield return ($"{parameter.Name}={Shorten(extreme)}", token => UrlEncoded(route.Url(p => p == parameter.Name ? extreme : people.RealValue(route.Template, p)), plausible, token));
        foreach (var field in fields.Where(f => !f.IsFile))
            foreach (var extreme in field.Extremes)
                yield return ($"{field.Name}={Shorten(extreme)}", token => UrlEncoded(real, new Dictionary<string, string>(plausible) { [field.Name] = extreme }, token));
        foreach (var list in fields.Select(f => f.ListPrefix).OfType<string>().Distinct())
            yield return ($"{list}[2147483648]", token => UrlEncoded(real, new Dictionary<string, string>(plausible) { [$"{list}[2147483648].x"] = "1", [$"{list}[-1]"] = "1" }, token));
    }

    private static IEnumerable<string> RouteExtremes(RoutePatternParameterPart parameter) =>
        parameter.IsCatchAll ? ["x", "recurring/trigger", "jobs/enqueued/delete", "retries/requeue"]
        : parameter.ParameterPolicies.Any(p => p.Content is "long" or "int")
            ? ["0", "-1", long.MaxValue.ToString(), "99999999999999999999"]
            : ["abc", "%E4%B8", "%zz", new string('x', 3000), "0x10"]; // (%00: the test host refuses it before the site sees it)

    private static string Shorten(string value) => value.Length > 24 ? $"{value[..12]}…({value.Length})" : value;

    private static HttpRequestMessage UrlEncoded(string url, Dictionary<string, string> fields, string token)
    {
        var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return Raw(url, body, "application/x-www-form-urlencoded", token);
    }

    private static HttpRequestMessage Raw(string url, string body, string contentType, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("RequestVerificationToken", token);
        return request;
    }

    private static HttpRequestMessage CutMultipart(string url, string token)
    {
        var request = Raw(url, "--XYZ\r\nContent-Disposition: form-data; name=\"Title\"\r\n\r\nab", "multipart/form-data", token);
        request.Content!.Headers.ContentType!.Parameters.Add(new("boundary", "XYZ"));
        return request;
    }

    private static HttpRequestMessage Multipart(string url, Dictionary<string, string> fields, IEnumerable<string> files, string token, byte[] file)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var name in files) content.Add(new ByteArrayContent(file), name, "photo.gif");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return request;
    }

    /// <summary>One POST endpoint: its route pattern and, for an MVC action, what the action binds.</summary>
    private sealed record PostRoute(string Template, RoutePattern Pattern, ControllerActionDescriptor? Action)
    {
        public bool IsStaffArea => Template.StartsWith("/admin", StringComparison.Ordinal);

        public bool NeedsSignIn => Action is null
            || Action.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()
            && !Action.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();

        public string Url(Func<string, string> value)
        {
            var url = new StringBuilder();
            foreach (var segment in Pattern.PathSegments)
            {
                url.Append('/');
                foreach (var part in segment.Parts)
                    url.Append(part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternParameterPart parameter => value(parameter.Name),
                        RoutePatternSeparatorPart separator => separator.Content,
                        _ => "",
                    });
            }
            return url.Length == 0 ? "/" : url.ToString();
        }

        /// <summary>The form fields the action binds: its simple parameters and the properties of its form classes, lists included.</summary>
        public IEnumerable<Field> Fields()
        {
            if (Action is null)
            {
                yield return new Field("jobs[]", typeof(string), null);
                yield break;
            }
            var routeNames = Pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in Action.Parameters)
            {
                var source = parameter.BindingInfo?.BindingSource;
                if (source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.Header) continue;
                if (routeNames.Contains(parameter.Name) && source != BindingSource.Form) continue;
                var prefix = parameter.BindingInfo?.BinderModelName;
                var type = parameter.ParameterType;
                var named = IsSimple(type) || IsFile(type) || ElementOf(type) is { } element && (IsSimple(element) || IsFile(element));
                foreach (var field in FieldsOf(type, prefix ?? (named ? parameter.Name : ""), depth: 0))
                    yield return field;
            }
        }

        private static IEnumerable<Field> FieldsOf(Type type, string name, int depth)
        {
            var element = ElementOf(type);
            if (IsSimple(type) || IsFile(type) || element is not null && (IsSimple(element) || IsFile(element)))
            {
                yield return new Field(name, element ?? type, null);
                yield break;
            }
            if (depth > 2) yield break;
            if (element is not null)
            {
                foreach (var field in FieldsOf(element, $"{name}[0]", depth + 1)) yield return field with { ListPrefix = name };
                yield break;
            }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod?.IsPublic != true || property.GetCustomAttribute<BindNeverAttribute>() is not null) continue;
                var fieldName = name.Length == 0 ? property.Name : $"{name}.{property.Name}";
                foreach (var field in FieldsOf(property.PropertyType, fieldName, depth + 1)) yield return field;
            }
        }

        private static bool IsFile(Type type) => typeof(IFormFile).IsAssignableFrom(type);

        private static Type? ElementOf(Type type) =>
            type == typeof(string) ? null
            : type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

        private static bool IsSimple(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
                || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid);
        }
    }

    /// <summary>One bound form field, with a value that passes and the values at the edges of its type.</summary>
    private sealed record Field(string Name, Type Type, string? ListPrefix)
    {
        private Type Core => Nullable.GetUnderlyingType(Type) ?? Type;

        public bool IsFile => typeof(IFormFile).IsAssignableFrom(Type);

        public string Plausible => Core switch
        {
            var t when t.IsEnum => Enum.GetNames(t)[0],
            var t when t == typeof(bool) => "true",
            var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm"),
            var t when t == typeof(string) && Name.Contains("Email", StringComparison.OrdinalIgnoreCase) => "walker@example.test",
            var t when t == typeof(string) && Name.Contains("Password", StringComparison.OrdinalIgnoreCase) => "walker-password-2026",
            var t when t == typeof(string) => "Walk 1",
            var t when t == typeof(Guid) => Guid.NewGuid().ToString(),
            _ => "1",
        };

        public IEnumerable<string> Extremes => Core switch
        {
            var t when t == typeof(int) || t == typeof(short) || t == typeof(byte) =>
                [int.MinValue.ToString(), int.MaxValue.ToString(), "2147483648", "-1", "NaN", ""],
            var t when t == typeof(long) =>
                [long.MinValue.ToString(), long.MaxValue.ToString(), "99999999999999999999", "-1", ""],
            var t when t == typeof(decimal) || t == typeof(double) || t == typeof(float) =>
                ["1e30", "-1e30", "NaN", "Infinity", "79228162514264337593543950336", ""],
            var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) =>
                ["0001-01-01", "9999-12-31T23:59", "junk"],
            var t when t == typeof(bool) => ["x"],
            var t when t.IsEnum => ["junk", "999", ""],
            var t when t == typeof(Guid) => ["junk"],
            // Empty, invisible, very long (in UTF-16 units and in graphemes), and text that other types are parsed from.
            _ => ["", "\u200b", new string('好', 10_000), "a" + string.Concat(Enumerable.Repeat("\u0301", 5_000)) + string.Concat(Enumerable.Repeat("🙂", 2_000)), "NaN", "-1"],
        };
    }

    /// <summary>A client that does not follow redirects, signed in (or not), with its antiforgery token.</summary>
    public sealed record Sender(string Name, HttpClient Client, string Token);

    public sealed record People(Sender Visitor, Sender Member, Sender Admin, IReadOnlyDictionary<string, string> Ids)
    {
        /// <summary>A real value for a route parameter: the member's own note, board, order... or someone else's handle.</summary>
        public string RealValue(string template, string parameter)
        {
            if (parameter == "id")
            {
                var segments = template.Split('/');
                var at = Array.FindIndex(segments, s => s.StartsWith("{id", StringComparison.Ordinal));
                parameter = at > 0 ? $"id:{segments[at - 1]}" : parameter;
            }
            return Ids.TryGetValue(parameter, out var id) ? id : "1";
        }

        /// <summary>A real value for a form field that names a record (VariantId, PhotoId...) or must have one shape (Culture, Key).</summary>
        public string? RealField(string name) =>
            Ids.TryGetValue("field:" + name.Split('.')[^1].ToLowerInvariant(), out var value) ? value : null;
    }

    /// <summary>A site of its own (the walk changes and breaks things on purpose) whose error log the test reads.</summary>
    public sealed class Site : RedMvcAppFactory
    {
        private People? _people;

        public ConcurrentQueue<string> Errors { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new ErrorLog(Errors)));
            // The walk signs in, registers and checks passwords hundreds of times: a cheap hash keeps it quick.
            builder.ConfigureServices(services => services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1));
        }

        public async Task<People> PeopleAsync() => _people ??= await MakePeopleAsync();

        private async Task<People> MakePeopleAsync()
        {
            var person = Person.New();
            await this.MemberWithRoleAsync(person, Roles.Brand);
            var memberId = await this.IdOfAsync(person);
            var other = await this.OpenShopAsync(stock: 50);
            var someoneElse = Person.New();
            await this.ConfirmedMemberAsync(someoneElse);
            // The member's own things, made directly; the order through the cart and checkout.
            var ids = await Services.WithDbAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.Id == memberId);
                var shop = await db.OpenShopAsync("漫步小店", user);
                var product = await db.ProductOnSaleAsync(shop.Id);
                var note = await db.PublishNoteAsync(memberId);
                var board = Board.Create(memberId, "Walk", false, DateTime.UtcNow);
                db.Boards.Add(board);
                db.Addresses.Add(new Address(memberId, Shops.Home, true));
                await db.SaveChangesAsync();
                var comment = Comment.OnNote(note.Id, memberId, "walk", DateTime.UtcNow);
                db.Comments.Add(comment);
                await db.SaveChangesAsync();
                var photo = await db.NotePhotos.Where(p => p.NoteId == note.Id).Select(p => p.Id).FirstAsync();
                // A group the member owns, with a question and a reply, so every groups route meets a real record.
                var group = await GroupMemberships.CreateAsync(db, memberId, new GroupInput("漫步圈", null, null, "travel", false), new GroupLimits(), DateTime.UtcNow);
                var owner = await db.GroupMembers.SingleAsync(m => m.GroupId == group.Id);
                var thread = await GroupPosting.StartThreadAsync(db, group, owner, memberId, ThreadKind.Question, new PostInput("Walk", "walk"), [], new GroupLimits(), DateTime.UtcNow);
                var reply = await GroupPosting.ReplyAsync(db, group, owner, thread, memberId, "walk", null, new GroupLimits(), DateTime.UtcNow.AddMinutes(10));
                return new Dictionary<string, long> { ["group"] = group.Id, ["thread"] = thread.Id, ["reply"] = reply.Id, ["photo"] = photo, ["note"] = note.Id, ["board"] = board.Id, ["comment"] = comment.Id, ["product"] = product.Id, ["variant"] = product.Variants[0].Id };
            });
            var member = await SenderAsync("member", person.Email);
            await member.Client.PostAsync("/cart/add", Form(member, ("VariantId", other.VariantId.ToString()), ("Quantity", "1")));
            var checkout = await new Visitor(member.Client).GetAsync("/checkout");
            await checkout.SubmitAsync(member.Client, "/checkout", new Dictionary<string, string>());
            var (orderId, payment, addressId) = await Services.WithDbAsync(async db => (
                await db.Orders.Where(o => o.BuyerId == memberId).Select(o => o.Id).SingleAsync(),
                await db.Payments.Where(p => p.BuyerId == memberId).Select(p => p.Reference).SingleAsync(),
                await db.Addresses.Where(a => a.UserId == memberId).Select(a => a.Id).FirstAsync()));
            var admin = Person.New();
            await this.MemberWithRoleAsync(admin, Roles.Admin); // staff who may also change jobs: the widest staff rights
            var values = new Dictionary<string, string>
            {
                ["area"] = "admin", ["controller"] = "dashboard", ["action"] = "index",
                ["noteId"] = ids["note"].ToString(), ["variantId"] = ids["variant"].ToString(), ["pinId"] = "1",
                ["handle"] = someoneElse.Handle, ["reference"] = payment,
                ["id:notes"] = ids["note"].ToString(), ["id:boards"] = ids["board"].ToString(), ["id:comments"] = ids["comment"].ToString(),
                ["id:products"] = ids["product"].ToString(), ["id:orders"] = orderId.ToString(), ["id:addresses"] = addressId.ToString(),
                ["id:groups"] = ids["group"].ToString(), ["id:threads"] = ids["thread"].ToString(), ["id:replies"] = ids["reply"].ToString(),
                ["field:replyid"] = ids["reply"].ToString(), ["field:quotereplyid"] = ids["reply"].ToString(), ["field:togroupid"] = ids["group"].ToString(),
                ["field:variantid"] = ids["variant"].ToString(), ["field:productid"] = ids["product"].ToString(), ["field:photoid"] = ids["photo"].ToString(),
                ["field:noteid"] = ids["note"].ToString(), ["field:boardid"] = ids["board"].ToString(), ["field:toboardid"] = ids["board"].ToString(),
                ["field:addressid"] = addressId.ToString(), ["field:commentid"] = ids["comment"].ToString(), ["field:handle"] = someoneElse.Handle,
                ["field:culture"] = "en", ["field:key"] = Guid.NewGuid().ToString("N"),
            };
            return new People(await SenderAsync("visitor", null), member, await SenderAsync("admin", admin.Email), values);
        }

        private static FormUrlEncodedContent Form(Sender sender, params (string Key, string Value)[] fields) =>
            new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", sender.Token)));

        private async Task<Sender> SenderAsync(string name, string? email)
        {
            var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            var visitor = new Visitor(client);
            if (email is not null)
            {
                var signIn = await visitor.GetAsync("/account/sign-in");
                await signIn.SubmitAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Members.Password });
            }
            var page = await visitor.GetAsync(email is null ? "/account/sign-in" : "/settings");
            var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"{name} got no antiforgery token: {page.Status} {page.Url}");
            return new Sender(name, client, token);
        }
    }

    private sealed class ErrorLog(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
                errors.Enqueue($"{exception.GetType().Name}: {exception.Message} at {exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("RedMvc"))?.Trim()}");
        }

        public void Dispose() { }
    }
}
