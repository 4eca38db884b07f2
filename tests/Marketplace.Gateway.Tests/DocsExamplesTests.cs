using System.Text.Json.Nodes;
using Marketplace.Gateway.Tests.Support;
using Marketplace.Testing;
using Marketplace.Testing.Stores;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// Executable docs: every GraphQL example in README.md, SECURITY.md, docs/ and GraphiQL's walkthrough is validated
/// against the schema a real host serves, and the queries that need nothing from the reader are run (as a signed-in
/// buyer where they read <c>viewer</c>) and must answer without errors (js/docs-check.mjs, graphql-js). Node samples are
/// checked for their shape. A renamed field or a sample that no longer works fails here, not in a newcomer's hands.
/// </summary>
public sealed class DocsExamplesTests : IAsyncLifetime
{
    private readonly int _port = HostProcess.FreePort();
    private readonly GatewayFactory _factory;

    public DocsExamplesTests()
    {
        _factory = (GatewayFactory)new GatewayFactory { WithTestArea = false }.With("Server:HttpPort", _port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _factory.UseKestrel();
    }

    public ValueTask InitializeAsync()
    {
        _factory.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Every_GraphQL_example_in_the_docs_is_valid_and_the_runnable_ones_run()
    {
        var buyer = await _factory.CreateClient().SignInBuyerAsync();
        var token = buyer["accessToken"]!.GetValue<string>();

        var run = await NodeTool.NodeAsync(NodeTool.Folder("tests/Marketplace.Gateway.Tests/js"), "docs-check.mjs", $"http://127.0.0.1:{_port}/graphql", HostProcess.RepositoryRoot, token);

        run.ExitCode.Should().Be(0, run.ToString());
        var report = JsonNode.Parse(run.Output)!;
        var problems = report["problems"]!.AsArray().Select(p => $"{p!["where"]}: {p["message"]}").ToList();
        problems.Should().BeEmpty("every example in the docs must work as written");
        report["checked"]!.GetValue<int>().Should().BeGreaterThan(25, "the docs' examples were found");
        report["executed"]!.GetValue<int>().Should().BeGreaterThan(8, "the runnable ones ran");
    }
}
