using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

// Live delivery with many connected pages: signs in the pairs made by bench/messages/run.sh (sender s{i}
// writes to recipient r{i}, who follows them), connects every member to /messages/hub by WebSocket
// without negotiating (as browsers do), and posts messages through the real composer route. Per message
// it measures from just before the POST to the "message" push arriving at the recipient's connection.
// usage: <base url> <pairs> <messages> <in-flight sends> <password>
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: <base url> <pairs> <messages> <in-flight sends> <password>");
    return 2;
}
var baseUrl = new Uri(args[0]);
var pairs = int.Parse(args[1]);
var messageCount = int.Parse(args[2]);
var inFlight = int.Parse(args[3]);
var password = args[4];

var members = Enumerable.Range(1, pairs).SelectMany(i => new[] { new Member($"s{i}"), new Member($"r{i}") }).ToList();
var clock = Stopwatch.StartNew();
await EachAsync(members, 4, m => m.SignInAsync(baseUrl, password)); // password hashing is the cost: few at a time
Console.WriteLine($"signed in {members.Count} members in {clock.Elapsed.TotalSeconds:F0} s");

var received = new ConcurrentDictionary<long, long>(); // message id -> timestamp at the recipient's connection
var echoes = 0; // the sender's own page hears of each message too
clock.Restart();
await EachAsync(members, 16, m => m.ConnectAsync(baseUrl, (messageId, at) =>
{
    if (m.Name[0] == 'r') received.TryAdd(messageId, at);
    else Interlocked.Increment(ref echoes);
}));
Console.WriteLine($"connected {members.Count} clients by WebSocket in {clock.Elapsed.TotalSeconds:F0} s");

var senders = Enumerable.Range(0, pairs).Select(i => (From: members[2 * i], To: members[2 * i + 1])).ToList();
// Each pair's first message starts its conversation (a different path); it is the warm-up, not measured.
await EachAsync(senders, inFlight, pair => pair.From.FirstMessageAsync(pair.To));
await WaitForAsync(() => senders.All(p => received.ContainsKey(p.From.LastSentId)), TimeSpan.FromSeconds(60));
received.Clear();
Console.WriteLine($"warm-up: {pairs} conversations started");

var sends = new ConcurrentBag<(long MessageId, long StartedAt, long AnsweredAt)>();
var failures = 0;
var first = Stopwatch.GetTimestamp();
await EachAsync(Enumerable.Range(0, messageCount).ToList(), inFlight, async n =>
{
    var sender = senders[n % pairs].From;
    var started = Stopwatch.GetTimestamp();
    var id = await sender.SendAsync($"第 {n} 条 message {n}");
    if (id is null) Interlocked.Increment(ref failures);
    else sends.Add((id.Value, started, Stopwatch.GetTimestamp()));
});
var allPosted = Stopwatch.GetTimestamp();
await WaitForAsync(() => sends.All(s => received.ContainsKey(s.MessageId)), TimeSpan.FromSeconds(60));

var delivered = sends.Where(s => received.ContainsKey(s.MessageId)).ToList();
var latencies = delivered.Select(s => Stopwatch.GetElapsedTime(s.StartedAt, received[s.MessageId]).TotalMilliseconds).Order().ToList();
var posts = sends.Select(s => Stopwatch.GetElapsedTime(s.StartedAt, s.AnsweredAt).TotalMilliseconds).Order().ToList();
var last = delivered.Count == 0 ? allPosted : delivered.Max(s => received[s.MessageId]);
var seconds = Stopwatch.GetElapsedTime(first, last).TotalSeconds;
Console.WriteLine($"posted {sends.Count} (refused or failed {failures}), delivered {delivered.Count}, not delivered {sends.Count - delivered.Count}, sender-page echoes {echoes}");
Console.WriteLine("| clients | messages | in-flight sends | delivered/s | send to receipt p50 (ms) | p99 (ms) | max (ms) | POST p50 (ms) | POST p99 (ms) |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine($"| {members.Count} | {delivered.Count} | {inFlight} | {delivered.Count / seconds:F0} | {Percentile(latencies, 50):F1} | {Percentile(latencies, 99):F1} | {latencies.LastOrDefault():F1} | {Percentile(posts, 50):F1} | {Percentile(posts, 99):F1} |");

await EachAsync(members, 32, m => m.DisposeAsync().AsTask());
return delivered.Count == messageCount && failures == 0 ? 0 : 1;

static double Percentile(List<double> sorted, int p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

static async Task EachAsync<T>(IReadOnlyList<T> items, int atOnce, Func<T, Task> work)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, Math.Min(atOnce, items.Count)).Select(async _ =>
    {
        for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            await work(items[i]);
    }));
}

static async Task WaitForAsync(Func<bool> done, TimeSpan bound)
{
    var until = Stopwatch.GetTimestamp() + (long)(bound.TotalSeconds * Stopwatch.Frequency);
    while (!done() && Stopwatch.GetTimestamp() < until) await Task.Delay(20);
}

/// <summary>One signed-in member: an HTTP client with their cookies, and their page's hub connection.</summary>
sealed partial class Member(string name) : IAsyncDisposable
{
    private readonly CookieContainer _cookies = new();
    private HttpClient? _http;
    private HubConnection? _hub;
    private string _token = "";
    private long _conversationId;

    public string Name => name;
    public string Email => $"{name}@live.bench.redmvc.local";
    public string Handle => $"live_{name}";
    public long LastSentId { get; private set; }

    public async Task SignInAsync(Uri baseUrl, string password)
    {
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var token = await TokenAsync("/account/sign-in");
        var answer = await _http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect || !_cookies.GetAllCookies().Any(c => c.Name.StartsWith("red.auth")))
            throw new InvalidOperationException($"{Email} could not sign in: {(int)answer.StatusCode}");
    }

    public async Task ConnectAsync(Uri baseUrl, Action<long, long> arrived)
    {
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/messages/hub"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.Cookies = _cookies;
            })
            .Build();
        _hub.On<long, long>("message", (_, messageId) => arrived(messageId, Stopwatch.GetTimestamp()));
        await _hub.StartAsync();
    }

    /// <summary>Starts the conversation from the first-message composer, as a member who opens a profile's "message" does.</summary>
    public async Task FirstMessageAsync(Member to)
    {
        _token = await TokenAsync($"/messages/to/{to.Handle}");
        var sent = await PostAsync($"/messages/to/{to.Handle}", "你好 hello")
            ?? throw new InvalidOperationException($"{Handle} could not write to {to.Handle}");
        (_conversationId, LastSentId) = sent;
    }

    /// <summary>Posts from the conversation's composer as messages.js does; the new message's id, or null when refused.</summary>
    public async Task<long?> SendAsync(string body) => (await PostAsync($"/messages/{_conversationId}", body))?.MessageId;

    private async Task<(long ConversationId, long MessageId)?> PostAsync(string path, string body)
    {
        using var form = new MultipartFormDataContent { { new StringContent(body), "Body" }, { new StringContent(_token), "__RequestVerificationToken" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.Accept.ParseAdd("application/json");
        using var answer = await _http!.SendAsync(request);
        if (!answer.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"{Handle} POST {path}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            return null;
        }
        var sent = await answer.Content.ReadFromJsonAsync<Sent>();
        return (sent!.ConversationId, sent.MessageId);
    }

    private async Task<string> TokenAsync(string path)
    {
        var page = await _http!.GetStringAsync(path);
        return AntiforgeryToken().Match(page) is { Success: true } match ? match.Groups[1].Value
            : throw new InvalidOperationException($"no antiforgery token on {path} for {Handle}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
        _http?.Dispose();
    }

    private sealed record Sent(long ConversationId, long MessageId);
}
