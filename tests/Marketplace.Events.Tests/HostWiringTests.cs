using System.Net;
using Marketplace.Shared.Events;
using Marketplace.Testing;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Marketplace.Events.Tests;

public sealed class HostWiringTests
{
    [Fact]
    public async Task The_host_provisions_a_stream_per_module_reports_the_outbox_in_readiness_and_keeps_the_jobs_dashboard_closed()
    {
        var database = await TestServices.CreateDatabaseAsync("hostwiring");
        var prefix = $"h{Guid.NewGuid():N}"[..13];
        try
        {
            await using (var factory = new MarketplaceFactory()
                .With("ConnectionStrings:Marketplace", database)
                .With("Events:SubjectPrefix", prefix)
                // Its own job keys too: a host on another database must not take the shared suite's jobs (a delivery
                // job it takes finds no row in its database and is lost to the suite that enqueued it).
                .With("Jobs:Prefix", $"test:{prefix}:jobs:"))
            {
                using var client = factory.CreateClient();

                var ready = await client.GetStringAsync("/health/ready");
                using var jobs = await client.GetAsync("/jobs");

                ready.Should().Contain("\"outbox\":{\"status\":\"Healthy\"");
                jobs.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "nobody is ADMIN until an authentication scheme says so");
                await Eventually.AssertAsync(async () => (await StreamsAsync(prefix)).Count == 7, TimeSpan.FromSeconds(15));
                (await StreamsAsync(prefix)).Should().BeEquivalentTo(
                    new[] { "Users", "Sellers", "Catalog", "Inventory", "Ordering", "Notifications", "Media" }.Select(m => EventSubjects.StreamOf(m.ToLowerInvariant(), prefix)));
            }
        }
        finally
        {
            await using var nats = new NatsConnection(NatsOpts.Default with { Url = TestServices.Nats });
            var js = new NatsJSContext(nats);
            foreach (var stream in await StreamsAsync(prefix))
                await js.DeleteStreamAsync(stream);
            await TestServices.DropDatabaseAsync(database);
        }
    }

    private static async Task<List<string>> StreamsAsync(string prefix)
    {
        await using var nats = new NatsConnection(NatsOpts.Default with { Url = TestServices.Nats });
        var names = new List<string>();
        await foreach (var name in new NatsJSContext(nats).ListStreamNamesAsync())
        {
            if (name.StartsWith(prefix.ToUpperInvariant() + "_", StringComparison.Ordinal))
                names.Add(name);
        }

        return names;
    }
}
