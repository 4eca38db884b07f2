using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Marketplace.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Platform.Tests.Operations;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Traces_are_exported_over_OTLP_when_a_collector_is_configured()
    {
        await using var collector = await CollectorStandIn.StartAsync();
        await using var factory = new MarketplaceFactory()
            .With("Telemetry:OtlpEndpoint", collector.Address)
            .With("Telemetry:OtlpProtocol", "http/protobuf")
            .With("Telemetry:ServiceName", "marketplace-under-test")
            .With("OTEL_BSP_SCHEDULE_DELAY", "100");
        using var client = factory.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);

        await Eventually.AssertAsync(
            () => Task.FromResult(collector.Received.Any(r => r.Path == "/v1/traces" && Text(r.Body).Contains("/health/live", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30),
            "the batch exporter sends the request's span");
        var export = collector.Received.First(r => r.Path == "/v1/traces" && Text(r.Body).Contains("/health/live", StringComparison.Ordinal));
        export.ContentType.Should().Be("application/x-protobuf");
        Text(export.Body).Should().Contain("marketplace-under-test");
    }

    [Fact]
    public async Task Logs_are_JSON_lines_outside_Development()
    {
        var result = await HostProcess.RunAsync(["migrate"], new Dictionary<string, string?>
        {
            ["ConnectionStrings__Marketplace"] = TestServices.Postgres,
            ["ConnectionStrings__Redis"] = TestServices.Redis,
            ["ConnectionStrings__Nats"] = TestServices.Nats,
        });

        result.ExitCode.Should().Be(0, result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().NotBeEmpty();
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            entry.RootElement.GetProperty("Timestamp").GetString().Should().EndWith("Z");
            entry.RootElement.TryGetProperty("Message", out _).Should().BeTrue();
        }
    }

    // Protobuf keeps strings as UTF-8 bytes, so names and routes can be found in the raw export.
    private static string Text(byte[] body) => System.Text.Encoding.UTF8.GetString(body);

    /// <summary>An OTLP/HTTP collector stand-in: accepts what the exporter posts and keeps it for the test.</summary>
    private sealed class CollectorStandIn : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private CollectorStandIn(WebApplication app, ConcurrentQueue<(string, string?, byte[])> received)
        {
            _app = app;
            ReceivedQueue = received;
        }

        public string Address => _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/";

        public IEnumerable<(string Path, string? ContentType, byte[] Body)> Received => ReceivedQueue;

        private ConcurrentQueue<(string, string?, byte[])> ReceivedQueue { get; }

        public static async Task<CollectorStandIn> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var received = new ConcurrentQueue<(string, string?, byte[])>();
            app.MapPost("/v1/{signal}", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                received.Enqueue((http.Request.Path.Value!, http.Request.ContentType, body.ToArray()));
                return Results.Ok();
            });
            await app.StartAsync();
            return new CollectorStandIn(app, received);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
