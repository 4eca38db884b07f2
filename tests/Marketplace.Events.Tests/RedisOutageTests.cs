using Marketplace.Events.Tests.Fixtures;
using Marketplace.Shared.Events;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Marketplace.Events.Tests;

public sealed class RedisOutageTests
{
    [Fact]
    public async Task A_consumer_that_cannot_enqueue_its_job_while_Redis_is_down_does_not_ack_and_the_job_runs_once_Redis_is_back()
    {
        await using var redis = await ServerProcess.StartRedisAsync();
        await using var scenario = await Scenario.CreateAsync(redis: $"127.0.0.1:{redis.Port}");
        scenario.Plan.EnqueueJobs = true;
        await using var host = await EventsHost.StartAsync(scenario, jobs: true);
        await host.PlaceOrdersAsync([0]);
        await Eventually.AssertAsync(async () => (await Handled.JobsAsync(host)).ContainsKey(0), TimeSpan.FromSeconds(30), "the job path works before the outage");

        await redis.StopAsync();
        var eventId = (await host.PlaceOrdersAsync([1]))[0];

        await Eventually.AssertAsync(() => Task.FromResult(scenario.Plan.Attempts.GetValueOrDefault(1) >= 2), TimeSpan.FromSeconds(60), "the consumer keeps trying to enqueue");
        (await host.QueryAsync<MailerDbContext, bool>(db => db.InboxMessages.AnyAsync(m => m.EventId == eventId))).Should().BeFalse("the event is not handled without its job");
        (await Handled.ReceiptsAsync(host)).Should().NotContainKey(1, "the handler's work rolled back with the failed enqueue");
        (await AckPendingAsync(scenario)).Should().BeGreaterThan(0, "the message is not acknowledged");
        (await host.QueryAsync<MailerDbContext, int>(db => db.DeadLetters.CountAsync())).Should().Be(0, "an outage is no reason to park a message");

        await redis.StartAsync();

        await Eventually.AssertAsync(async () => (await Handled.JobsAsync(host)).ContainsKey(1), TimeSpan.FromSeconds(60), "the job runs once Redis is back");
        await Eventually.AssertAsync(async () => await AckPendingAsync(scenario) == 0, TimeSpan.FromSeconds(30), "the message is acknowledged");
        (await Handled.JobsAsync(host))[1].Should().Be(1);
        (await Handled.ReceiptsAsync(host))[1].Should().Be(1);
        (await host.QueryAsync<MailerDbContext, bool>(db => db.InboxMessages.AnyAsync(m => m.EventId == eventId))).Should().BeTrue();
    }

    private static async Task<long> AckPendingAsync(Scenario scenario)
    {
        await using var nats = new NatsConnection(NatsOpts.Default with { Url = scenario.Nats });
        var consumer = await new NatsJSContext(nats).GetConsumerAsync(scenario.ShopStream, EventSubjects.DurableName("Mailer", "marketplace.shop.order_placed.v1"));
        return consumer.Info.NumAckPending;
    }
}
