using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Marketplace.Gateway.Tests.Support;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// The real npm graphql-ws client (tests/Marketplace.Gateway.Tests/js, installed by scripts/test.sh with npm ci)
/// against the gateway on a real Kestrel socket.
/// </summary>
public sealed class GraphQLWsClientTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory;
    private readonly int _port = FreePort();

    public GraphQLWsClientTests()
    {
        _factory = (GatewayFactory)new GatewayFactory().With("Server:HttpPort", _port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _factory.UseKestrel();
    }

    public ValueTask InitializeAsync()
    {
        _factory.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Real_graphql_ws_client_receives_events_with_its_token_and_completion()
    {
        var tokens = await TestSigningKey.CreateAsync();
        var user = "node-" + Guid.NewGuid().ToString("N")[..10];
        var topic = "topic-" + Guid.NewGuid().ToString("N");
        var events = _factory.Services.GetRequiredService<TestEvents>();

        await using var client = NodeClient.Start(_port, tokens.Issue(user, ["BUYER"]), "subscription S($t: String!) { testPrivateTicks(topic: $t) }", $$"""{"t":"{{topic}}"}""");
        await Eventually.AssertAsync(() => Task.FromResult(events.SubscriberCount(topic) == 1 || client.HasExited), because: "the client subscribed");
        events.Publish(topic, "a");
        events.Publish(topic, "b");
        events.Complete(topic);
        var (exitCode, lines) = await client.WaitAsync();

        lines.Select(l => l["event"]!.GetValue<string>()).Should().StartWith(["connected", "next", "next", "complete"], string.Join("\n", lines.Select(l => l.ToJsonString())));
        lines[1]["payload"]!["data"]!["testPrivateTicks"]!.GetValue<string>().Should().Be($"a for {user}");
        lines[2]["payload"]!["data"]!["testPrivateTicks"]!.GetValue<string>().Should().Be($"b for {user}");
        exitCode.Should().Be(0);
    }

    [Fact]
    public async Task Real_graphql_ws_client_with_a_bad_token_is_closed_4403()
    {
        await using var client = NodeClient.Start(_port, "not.a.jwt", "subscription { testTicks(topic: \"x\") }", null);

        var (exitCode, lines) = await client.WaitAsync();

        exitCode.Should().Be(1);
        lines.Should().Contain(l => l["event"]!.GetValue<string>() == "closed" && l["code"]!.GetValue<int>() == 4403);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class NodeClient : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<JsonNode> _lines = new();

        private NodeClient(Process process) => _process = process;

        public bool HasExited => _process.HasExited;

        public static NodeClient Start(int port, string token, string query, string? variables)
        {
            var folder = Path.Combine(RepositoryRoot(), "tests", "Marketplace.Gateway.Tests", "js");
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "graphql-ws")))
                throw new InvalidOperationException($"Run 'npm ci' in {folder} first (scripts/test.sh does).");
            var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "subscribe.mjs", $"ws://127.0.0.1:{port}/graphql", token, query, variables ?? "" })
                start.ArgumentList.Add(argument);
            var client = new NodeClient(Process.Start(start)!);
            client._process.OutputDataReceived += (_, e) =>
            {
                if (!string.IsNullOrWhiteSpace(e.Data))
                    client._lines.Enqueue(JsonNode.Parse(e.Data)!);
            };
            client._process.BeginOutputReadLine();
            return client;
        }

        public async Task<(int ExitCode, IReadOnlyList<JsonNode> Lines)> WaitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
            _process.WaitForExit(); // flushes the redirected output
            return (_process.ExitCode, _lines.ToList());
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Marketplace.sln")))
                    return directory.FullName;
            }

            throw new InvalidOperationException("Marketplace.sln not found");
        }
    }
}
