using System.Text.Json.Nodes;
using Marketplace.Gateway.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// A client developer's first hour, in a real browser: Playwright (npm playwright-core) drives Debian's chromium,
/// headless, through GraphiQL on a host in Development with the demo data (js/browser-walkthrough.mjs): no error on
/// load, the schema in the docs pane, the walkthrough's operations run top to bottom, its subscription receives the
/// notice a sign-in in a second window triggers, and the link in a verification email (read from maildev) verifies.
/// scripts/test.sh installs chromium (apt) and playwright-core (npm ci).
/// </summary>
public sealed class BrowserWalkthroughTests : IAsyncLifetime
{
    private readonly int _port = HostProcess.FreePort();
    private readonly GatewayFactory _factory;

    public BrowserWalkthroughTests()
    {
        _factory = (GatewayFactory)new GatewayFactory { WithTestArea = false }.With("Server:HttpPort", _port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _factory.UseKestrel();
    }

    public async ValueTask InitializeAsync()
    {
        _factory.StartServer();
        // The walkthrough searches around the Lisbon demo stores and signs in as the demo buyer Ada.
        await DemoSeed.RunAsync(_factory.Services, "Users", "Sellers");
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_newcomer_runs_the_GraphiQL_walkthrough_to_a_live_notification_and_follows_an_email_link()
    {
        var chromium = Environment.GetEnvironmentVariable("MARKETPLACE_CHROMIUM") ?? "/usr/bin/chromium";
        File.Exists(chromium).Should().BeTrue($"Debian's chromium is needed at {chromium} (scripts/test.sh installs it; or set MARKETPLACE_CHROMIUM)");
        var maildev = Environment.GetEnvironmentVariable("MAILDEV_API_URL") ?? "http://127.0.0.1:11080";

        var run = await NodeTool.RunAsync(
            NodeTool.Folder("tests/Marketplace.Gateway.Tests/js"),
            "node",
            ["browser-walkthrough.mjs", $"http://127.0.0.1:{_port}", chromium, maildev],
            TimeSpan.FromMinutes(4));

        var steps = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        run.ExitCode.Should().Be(0, run.ToString());
        steps.Select(s => s["step"]!.GetValue<string>()).Should().Equal(
            "loaded", "searched", "signed in", "signed in again in a second window", "notified", "email link verified", "done");
        steps.Single(s => s["step"]!.GetValue<string>() == "notified")["title"]!.GetValue<string>().Should().Be("New sign-in to your account");
        steps.Single(s => s["step"]!.GetValue<string>() == "email link verified")["linkHost"]!.GetValue<string>().Should().Be($"localhost:{_port}");
    }
}
