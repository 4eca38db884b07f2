using Marketplace.Events.Tests.Fixtures;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Events.Tests;

public sealed class RelayCrashTests
{
    [Fact]
    public async Task A_relay_that_dies_between_publish_and_mark_as_sent_leads_to_one_handling_per_event()
    {
        await using var scenario = await Scenario.CreateAsync();
        var published = new TaskCompletionSource<IReadOnlyList<Guid>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dying = await EventsHost.StartAsync(scenario, configure: o =>
        {
            // Only the relay runs here, so every handling happens in the successor and can be counted there.
            o.Consumers.Enabled = false;
            o.Relay.AfterPublish = async (ids, cancellationToken) =>
            {
                // The relay "dies" here: published, never marked; its transaction goes when the host does.
                published.TrySetResult(ids);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            };
        });
        var eventIds = await dying.PlaceOrdersAsync(Enumerable.Range(1, 10));
        await published.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await dying.DisposeAsync();
        (await scenario.StreamMessagesAsync()).Should().BeGreaterThan(0, "the dead relay did publish");

        await using var successor = await EventsHost.StartAsync(scenario);

        await Eventually.AssertAsync(async () => (await Handled.ReceiptsAsync(successor)).Count == 10 && (await Handled.LedgerAsync(successor)).Count == 10,
            TimeSpan.FromSeconds(60), "each event handled by both modules");
        await Eventually.AssertAsync(async () => await successor.QueryAsync<ShopDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)) == 0,
            TimeSpan.FromSeconds(30), "the successor marks the re-published rows sent");
        (await Handled.ReceiptsAsync(successor)).Should().OnlyContain(r => r.Value == 1);
        (await Handled.LedgerAsync(successor)).Should().OnlyContain(r => r.Value == 1);
        scenario.Plan.Attempts.Values.Should().OnlyContain(n => n == 1, "a duplicate never reaches the handler: the inbox drops it first");
        (await scenario.StreamMessagesAsync()).Should().Be(eventIds.Count, "JetStream dropped the re-publishes as duplicates");
    }
}
