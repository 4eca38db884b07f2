using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Testing;

namespace Marketplace.Gateway.Tests.Support;

/// <summary>
/// The built host as a real process in Production, on its own loopback port: a document that crashes the process
/// (a stack overflow cannot be caught) shows as a dead host here, not as a dead test run. HTTP rate limits are off
/// (the tests send many requests from one address); they have their own tests.
/// </summary>
public class RealHost : IAsyncLifetime
{
    private HostProcess.Running? _process;

    public int Port { get; } = HostProcess.FreePort();

    public HttpClient Http { get; private set; } = null!;

    public string Output => _process?.Output ?? "";

    public bool HasExited => _process?.HasExited ?? true;

    public async ValueTask InitializeAsync()
    {
        _process = HostProcess.Start([], new Dictionary<string, string?>
        {
            ["ConnectionStrings__Marketplace"] = TestServices.Postgres,
            ["ConnectionStrings__Redis"] = TestServices.Redis,
            ["ConnectionStrings__Nats"] = TestServices.Nats,
            ["Server__HttpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Server__BindAddress"] = "127.0.0.1",
            ["Database__MigrateOnStart"] = "true",
            ["Jobs__Server"] = "false",
            ["Gateway__RateLimitPerIp"] = "0",
            ["Gateway__RateLimitPerUser"] = "0",
            ["Gateway__WebSockets__ConnectionInitTimeout"] = "00:00:02",
            ["Modules__Users__SigningKeyPassphrase"] = "real-host-tests",
        }.Concat(ExtraSettings).ToDictionary());
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(120) };
        await Eventually.AssertAsync(
            async () =>
            {
                if (_process.HasExited)
                    throw new InvalidOperationException($"The host exited early: {_process.Output}");
                try
                {
                    return (await Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(90),
            "the host starts");
        // Warm up (JIT, schema, connection pools) so the timings below measure the documents, not the first request.
        for (var i = 0; i < 3; i++)
            await PostAsync("{ __typename }");
    }

    /// <summary>Settings a derived fixture adds or overrides (environment variable names).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_process is not null)
            await _process.DisposeAsync();
    }

    /// <summary>POSTs a GraphQL request body (raw bytes when given) and times the answer.</summary>
    public async Task<Answer> PostAsync(string query, object? variables = null, byte[]? raw = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = raw is not null ? new ByteArrayContent(raw) : System.Net.Http.Json.JsonContent.Create(new { query, variables }),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponse);
        var clock = Stopwatch.StartNew();
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        clock.Stop();
        JsonNode? body = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
            body = JsonNode.Parse(text);
        return new Answer(response.StatusCode, body, text, clock.Elapsed, response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>A graphql-transport-ws connection over a real TCP socket to this host.</summary>
    public async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/graphql"), timeout.Token);
        return socket;
    }

    public sealed record Answer(HttpStatusCode Status, JsonNode? Body, string Text, TimeSpan Elapsed, IReadOnlyDictionary<string, string> Headers)
    {
        public string? Code => Body.Code();

        public override string ToString() => $"{(int)Status} in {Elapsed.TotalMilliseconds:F0} ms: {(Text.Length > 300 ? Text[..300] : Text)}";
    }
}

/// <summary>Raw graphql-transport-ws frames over a <see cref="ClientWebSocket"/>.</summary>
public static class RawWebSocket
{
    public static async Task SendAsync(this ClientWebSocket socket, string json)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next message, or null once the server closed (see <see cref="WebSocket.CloseStatus"/>).</summary>
    public static async Task<JsonNode?> ReceiveAsync(this ClientWebSocket socket, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return JsonNode.Parse(message.ToArray());
        }
    }

    public static async Task InitAsync(this ClientWebSocket socket)
    {
        await socket.SendAsync("""{"type":"connection_init"}""");
        (await socket.ReceiveAsync())!["type"]!.GetValue<string>().Should().Be("connection_ack");
    }

    public static Task SubscribeAsync(this ClientWebSocket socket, string id, string query, JsonNode? variables = null) =>
        socket.SendAsync(new JsonObject
        {
            ["id"] = id,
            ["type"] = "subscribe",
            ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables },
        }.ToJsonString());
}
