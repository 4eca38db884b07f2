using System.Diagnostics;
using System.Text.Json.Nodes;
using Marketplace.Gateway.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// graphql-http's own audit of a server (npm <c>graphql-http</c>, the spec authors' suite): every MUST and every SHOULD
/// of the GraphQL-over-HTTP spec against the real host over a real socket. Some audits ask for <c>__type</c>, so the
/// host runs with introspection on (as in Development).
/// </summary>
public sealed class GraphQLOverHttpAuditTests(AuditedHost host) : IClassFixture<AuditedHost>
{
    [Fact]
    public async Task The_graphql_http_audit_passes_every_MUST_and_SHOULD()
    {
        var results = await RunAuditAsync($"http://127.0.0.1:{host.Port}/graphql");

        results.Should().HaveCountGreaterThan(40, "the audit suite ran");
        var failed = results.Where(r => r["status"]!.GetValue<string>() is "error" or "warn").Select(r => r.ToJsonString()).ToList();
        failed.Should().BeEmpty("every MUST (error) and SHOULD (warn) holds");
    }

    private static async Task<List<JsonNode>> RunAuditAsync(string url)
    {
        var folder = Path.Combine(HostProcess.RepositoryRoot, "tests", "Marketplace.Gateway.Tests", "js");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "graphql-http")))
            throw new InvalidOperationException($"Run 'npm ci' in {folder} (scripts/test.sh does).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("audit.mjs");
        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, await errors);
        return JsonNode.Parse(await output)!.AsArray().Select(r => r!).ToList();
    }
}

/// <summary>The real host with introspection on, for the audit.</summary>
public sealed class AuditedHost : RealHost
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Gateway__Introspection"] = "true" };
}
