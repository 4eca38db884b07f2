using Marketplace.Events.Tests.Fixtures;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Events.Tests;

public sealed class TwoInstancesTests
{
    [Fact]
    public async Task Two_host_instances_relay_and_handle_each_event_once_per_consuming_module()
    {
        await using var scenario = await Scenario.CreateAsync();
        await using var first = await EventsHost.StartAsync(scenario);
        await using var second = await EventsHost.StartAsync(scenario);

        // Both instances write, so both relays find work and compete for the same rows.
        var writes = await Task.WhenAll(first.PlaceOrdersAsync(Enumerable.Range(1, 40)), second.PlaceOrdersAsync(Enumerable.Range(41, 40)));

        await Eventually.AssertAsync(async () => (await Handled.ReceiptsAsync(first)).Count == 80 && (await Handled.LedgerAsync(first)).Count == 80,
            TimeSpan.FromSeconds(60), "every event handled by both modules");
        (await Handled.ReceiptsAsync(first)).Should().OnlyContain(r => r.Value == 1);
        (await Handled.LedgerAsync(first)).Should().OnlyContain(r => r.Value == 1);
        scenario.Plan.Attempts.Values.Should().OnlyContain(n => n == 1, "a duplicate never reaches the handler: the inbox drops it first");
        (await scenario.StreamMessagesAsync()).Should().Be(writes.Sum(w => w.Count), "no row was published twice");
        (await first.QueryAsync<ShopDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.SentAt == null))).Should().Be(0);
    }
}
