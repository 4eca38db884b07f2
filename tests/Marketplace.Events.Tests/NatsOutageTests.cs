using Marketplace.Events.Tests.Fixtures;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Events.Tests;

public sealed class NatsOutageTests
{
    [Fact]
    public async Task Events_written_while_NATS_is_down_arrive_once_after_it_returns()
    {
        await using var nats = await ServerProcess.StartNatsAsync();
        await using var scenario = await Scenario.CreateAsync(nats: $"nats://127.0.0.1:{nats.Port}");
        await using var host = await EventsHost.StartAsync(scenario);
        await host.PlaceOrdersAsync([0]);
        await Eventually.AssertAsync(async () => (await Handled.ReceiptsAsync(host)).ContainsKey(0), TimeSpan.FromSeconds(30), "the flow works before the outage");

        await nats.StopAsync();
        var numbers = Enumerable.Range(1, 20).ToList();
        await host.PlaceOrdersAsync(numbers);
        (await host.QueryAsync<ShopDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)))
            .Should().BeGreaterThan(0, "nothing can be relayed while NATS is down");
        await nats.StartAsync();

        await Eventually.AssertAsync(async () => (await Handled.ReceiptsAsync(host)).Count == 21 && (await Handled.LedgerAsync(host)).Count == 21,
            TimeSpan.FromSeconds(60), "every order's event handled by both modules");
        (await Handled.ReceiptsAsync(host)).Should().OnlyContain(r => r.Value == 1);
        (await Handled.LedgerAsync(host)).Should().OnlyContain(r => r.Value == 1);
        scenario.Plan.Attempts.Values.Should().OnlyContain(n => n == 1, "a duplicate never reaches the handler: the inbox drops it first");
        (await host.QueryAsync<ShopDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.SentAt == null))).Should().Be(0);
        (await scenario.StreamMessagesAsync()).Should().Be(21, "re-published events are de-duplicated by Nats-Msg-Id");
    }
}
