using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Configuration;

namespace RedMvc.Web.Tests;

/// <summary>
/// Two web nodes sharing one Redis (a throwaway redis-server), one database and one data folder: node A runs the job
/// server, node B only serves (Workers:InProcess=false), as on a farm behind a load balancer. Posting
/// is limited to two notes per member on both. Each test owns its members and notes.
/// </summary>
public sealed class WebFarm : IAsyncLifetime
{
    public const int PostingLimit = 2;

    public RedisServer Redis { get; } = new();
    public RedMvcAppFactory A { get; private set; } = null!;
    public RedMvcAppFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = Redis.Configuration,
            ["Redis:InstanceName"] = $"farm-{Guid.NewGuid():N}:",
            ["RateLimits:Posting:PermitLimit"] = PostingLimit.ToString(),
        };
        A = new Node(null, settings);
        // A first: it migrates the database and writes the data-protection key that B then reads.
        await VisitorOn(A).GetAsync("/account/register");
        // B on A's database: its SQLite file in the shared data folder, or A's server database when the suite runs on PostgreSQL.
        var database = A.Services.GetRequiredService<IConfiguration>();
        var nodeB = new Dictionary<string, string?>(settings) { ["Workers:InProcess"] = "false" };
        foreach (var key in new[] { "Database:Provider", "Database:ConnectionString" })
            if (!string.IsNullOrEmpty(database[key])) nodeB[key] = database[key];
        B = new Node(A.DataFolder, nodeB);
        await VisitorOn(B).GetAsync("/account/register");
    }

    public async Task DisposeAsync()
    {
        try
        {
            B?.Dispose();
            A?.Dispose();
        }
        finally
        {
            await Redis.DisposeAsync();
        }
    }

    /// <summary>A browser talking to one node; give two visitors one cookie jar to move a signed-in member between nodes.</summary>
    public static Visitor VisitorOn(RedMvcAppFactory node, CookieContainer? cookies = null, string language = "en")
    {
        var client = node.CreateDefaultClient(new Uri("https://localhost"), new RedirectHandler(), new CookieContainerHandler(cookies ?? new CookieContainer()));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new Visitor(client);
    }

    /// <summary>A member who registered, confirmed and signed in on node A, signed in on both nodes with the same cookie.</summary>
    public async Task<(Visitor OnA, Visitor OnB)> MemberAsync(Person person)
    {
        var cookies = new CookieContainer();
        var onA = VisitorOn(A, cookies);
        await onA.RegisterAsync(person);
        var mail = await A.Mailbox.WaitForAsync(person.Email);
        await onA.GetAsync(Mailbox.LinkIn(mail, "/account/confirm-email"));
        await onA.SignInAsync(person.Email);
        return (onA, VisitorOn(B, cookies));
    }

    private sealed class Node : RedMvcAppFactory
    {
        private readonly Dictionary<string, string?> _settings;

        public Node(string? dataFolder, Dictionary<string, string?> settings) : base(dataFolder) => _settings = settings;

        protected override Dictionary<string, string?> Overrides => _settings;
    }
}
