using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Marketplace.Testing;

/// <summary>
/// The real npm graphql-ws client (<c>tests/Marketplace.Gateway.Tests/js/subscribe.mjs</c>, installed by scripts/test.sh
/// with <c>npm ci</c>) subscribed to a host on a real socket; it prints one JSON line per event (<c>connected</c>,
/// <c>next</c>, <c>error</c>, <c>complete</c>, <c>closed</c>), which are collected as they come. Disposing it kills the
/// process: the client is gone without a goodbye, as a phone losing its connection.
/// </summary>
public sealed class GraphQLWsNodeClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonNode> _lines = new();
    private int _disposed;

    private GraphQLWsNodeClient(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<JsonNode> Lines => [.. _lines];

    /// <summary>The payloads of the <c>next</c> events so far.</summary>
    public IReadOnlyList<JsonNode> Nexts => Lines.Where(l => l["event"]!.GetValue<string>() == "next").Select(l => l["payload"]!).ToList();

    public static GraphQLWsNodeClient Start(Uri server, string? token, string query, string? variablesJson)
    {
        var folder = NodeTool.Folder(Path.Combine("tests", "Marketplace.Gateway.Tests", "js"));
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        var url = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = "/graphql" }.Uri.ToString();
        foreach (var argument in new[] { "subscribe.mjs", url, token ?? "-", query, variablesJson ?? "" })
            start.ArgumentList.Add(argument);
        var client = new GraphQLWsNodeClient(Process.Start(start)!);
        client._process.OutputDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
                client._lines.Enqueue(JsonNode.Parse(e.Data)!);
        };
        client._process.BeginOutputReadLine();
        client._process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Waits (bounded) until the client has printed lines satisfying <paramref name="done"/>.</summary>
    public Task<IReadOnlyList<JsonNode>> UntilAsync(Func<IReadOnlyList<JsonNode>, bool> done, TimeSpan timeout, string because) =>
        Eventually.ReturnsAsync(() => Task.FromResult<IReadOnlyList<JsonNode>?>(Lines), lines => done(lines!), timeout, because + ": " + string.Join(" | ", Lines.Select(l => l.ToJsonString())));

    /// <summary>Waits (bounded) for the process to end (e.g. after a refused subscription).</summary>
    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return ValueTask.CompletedTask;
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
