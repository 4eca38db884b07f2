using Marketplace.Events.Tests.Fixtures;
using Marketplace.Shared.Events;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Events.Tests;

public sealed class HandlerFailureTests
{
    [Fact]
    public async Task A_handler_that_throws_for_a_while_is_redelivered_and_handles_the_event_exactly_once_when_it_recovers()
    {
        await using var scenario = await Scenario.CreateAsync();
        scenario.Plan.FailuresLeft[1] = 2;
        await using var host = await EventsHost.StartAsync(scenario);

        await host.PlaceOrdersAsync([1]);

        await Eventually.AssertAsync(async () => (await Handled.ReceiptsAsync(host)).ContainsKey(1), TimeSpan.FromSeconds(30));
        scenario.Plan.Attempts[1].Should().Be(3, "two failed deliveries, then one that succeeds");
        (await Handled.ReceiptsAsync(host))[1].Should().Be(1);
        (await host.QueryAsync<MailerDbContext, int>(db => db.DeadLetters.CountAsync())).Should().Be(0);
        (await Handled.LedgerAsync(host))[1].Should().Be(1, "the other module's consumer is unaffected");
    }

    [Fact]
    public async Task A_handler_that_always_throws_ends_in_the_dead_letter_table_and_later_events_keep_flowing()
    {
        await using var scenario = await Scenario.CreateAsync();
        scenario.Plan.AlwaysFail[2] = true;
        await using var host = await EventsHost.StartAsync(scenario);

        var eventIds = await host.PlaceOrdersAsync([2]);
        await Eventually.AssertAsync(async () => await host.QueryAsync<MailerDbContext, int>(db => db.DeadLetters.CountAsync()) == 1, TimeSpan.FromSeconds(30));
        await host.PlaceOrdersAsync([3, 4]);

        await Eventually.AssertAsync(async () => (await Handled.ReceiptsAsync(host)).Count == 2, TimeSpan.FromSeconds(30), "later events are handled");
        (await Handled.ReceiptsAsync(host)).Keys.Should().BeEquivalentTo([3, 4]);
        var letter = await host.QueryAsync<MailerDbContext, DeadLetter>(db => db.DeadLetters.SingleAsync());
        letter.EventId.Should().Be(eventIds[0]);
        letter.Consumer.Should().Be("mailer__shop_order_placed_v1");
        letter.Deliveries.Should().Be(4, "MaxDeliver is 4 in these tests");
        letter.Error.Should().Contain("poison order 2");
        letter.Payload.Should().Contain("\"number\": 2");
        // At least one handler run per delivery. More is allowed: an infrastructure error around a run is retried in place
        // without spending a delivery, and JetStream's MaxDeliver is one above ours, so a message whose termination was
        // lost after it was parked comes once more and is parked again (one dead letter still: asserted above). Seen as 5
        // in a fresh-clone CI run under load.
        scenario.Plan.Attempts[2].Should().BeGreaterThanOrEqualTo(4);
        // The ledger is another consumer of the same events, running at its own pace: wait for it rather than race it.
        await Eventually.AssertAsync(async () => (await Handled.LedgerAsync(host)).Count == 3, TimeSpan.FromSeconds(30), "the other consumer handles every event");
        (await Handled.LedgerAsync(host)).Keys.Should().BeEquivalentTo([2, 3, 4], "only the failing consumer parks the message");
    }

    [Fact]
    public async Task A_replayed_dead_letter_is_handled_once_by_its_consumer_only()
    {
        await using var scenario = await Scenario.CreateAsync();
        scenario.Plan.AlwaysFail[5] = true;
        await using var host = await EventsHost.StartAsync(scenario);
        await host.PlaceOrdersAsync([5]);
        await Eventually.AssertAsync(async () => await host.QueryAsync<MailerDbContext, int>(db => db.DeadLetters.CountAsync()) == 1, TimeSpan.FromSeconds(30));
        await Eventually.AssertAsync(async () => (await Handled.LedgerAsync(host)).ContainsKey(5), TimeSpan.FromSeconds(30));
        var replayer = host.Services.GetRequiredService<DeadLetterReplayer>();

        var failedAgain = await replayer.ReplayAsync(typeof(MailerDbContext), null, CancellationToken.None);
        failedAgain.Should().ContainSingle().Which.Outcome.Should().StartWith("failed again");

        scenario.Plan.AlwaysFail.Clear();
        var replayed = await replayer.ReplayAsync(typeof(MailerDbContext), null, CancellationToken.None);
        var again = await replayer.ReplayAsync(typeof(MailerDbContext), replayed.Single().Id, CancellationToken.None);

        replayed.Should().ContainSingle().Which.Outcome.Should().Be("handled");
        again.Should().ContainSingle().Which.Outcome.Should().Be("already handled");
        (await Handled.ReceiptsAsync(host))[5].Should().Be(1);
        (await Handled.LedgerAsync(host))[5].Should().Be(1);
        (await host.QueryAsync<MailerDbContext, DeadLetter>(db => db.DeadLetters.SingleAsync())).ReplayedAt.Should().NotBeNull();
        (await replayer.ListAsync(typeof(MailerDbContext), CancellationToken.None)).Should().BeEmpty();
    }
}
