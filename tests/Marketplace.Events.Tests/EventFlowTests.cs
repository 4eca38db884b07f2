using System.Diagnostics;
using Marketplace.Events.Tests.Fixtures;
using Marketplace.Shared.Events;
using Marketplace.Shared.Operations;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Events.Tests;

public sealed class EventFlowTests
{
    [Fact]
    public async Task An_event_committed_with_its_state_change_reaches_each_consuming_module_once_as_the_module_with_its_correlation()
    {
        await using var scenario = await Scenario.CreateAsync();
        await using var host = await EventsHost.StartAsync(scenario);

        var eventIds = await host.PlaceOrdersAsync([1, 2, 3], correlationId: "corr-flow-1");

        await Eventually.AssertAsync(async () => await host.QueryAsync<MailerDbContext, int>(db => db.Receipts.CountAsync()) >= 3, TimeSpan.FromSeconds(30), "three receipts");
        var receipts = await host.QueryAsync<MailerDbContext, List<Receipt>>(db => db.Receipts.ToListAsync());
        receipts.Select(r => r.EventId).Should().BeEquivalentTo(eventIds);
        receipts.Should().AllSatisfy(r =>
        {
            r.CorrelationId.Should().Be("corr-flow-1");
            r.CallerId.Should().Be("Service:Mailer");
        });
        await Eventually.AssertAsync(async () => await host.QueryAsync<LedgerDbContext, int>(db => db.Entries.CountAsync()) == 3, TimeSpan.FromSeconds(30));

        var outbox = await host.QueryAsync<ShopDbContext, List<OutboxMessage>>(db => db.OutboxMessages.ToListAsync());
        outbox.Should().HaveCount(3).And.OnlyContain(m => m.SentAt != null && m.Subject == "marketplace.shop.order_placed.v1" && m.CorrelationId == "corr-flow-1");
        outbox.Select(m => m.Id).Should().OnlyContain(id => id.Version == 7);
        var inbox = await host.QueryAsync<MailerDbContext, List<InboxMessage>>(db => db.InboxMessages.ToListAsync());
        inbox.Should().HaveCount(3).And.OnlyContain(m => m.Consumer == "mailer__shop_order_placed_v1");
        (await scenario.StreamMessagesAsync()).Should().Be(3);
    }

    [Fact]
    public async Task An_event_carries_the_writers_trace_and_an_event_written_by_its_handler_names_it_as_cause()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Marketplace.Events" or "Marketplace.Events.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("Marketplace.Events.Tests");
        await using var scenario = await Scenario.CreateAsync();
        scenario.Plan.FollowUps = true;
        await using var host = await EventsHost.StartAsync(scenario);

        Guid eventId;
        string traceId;
        using (var request = source.StartActivity("place order"))
        {
            traceId = request!.TraceId.ToString();
            eventId = (await host.PlaceOrdersAsync([1]))[0];
        }

        await Eventually.AssertAsync(async () => await host.QueryAsync<MailerDbContext, int>(db => db.OutboxMessages.CountAsync()) == 1, TimeSpan.FromSeconds(30));
        var written = await host.QueryAsync<ShopDbContext, OutboxMessage>(db => db.OutboxMessages.SingleAsync());
        written.TraceParent.Should().StartWith($"00-{traceId}-");
        (await host.QueryAsync<MailerDbContext, Receipt>(db => db.Receipts.SingleAsync())).TraceId.Should().Be(traceId, "the handler's activity continues the writer's trace");
        var followUp = await host.QueryAsync<MailerDbContext, OutboxMessage>(db => db.OutboxMessages.SingleAsync());
        followUp.Subject.Should().Be("marketplace.mailer.receipt_sent.v1");
        followUp.CausationId.Should().Be(eventId);
        followUp.CorrelationId.Should().Be(written.CorrelationId);
    }

    [Fact]
    public async Task An_event_added_to_a_unit_of_work_that_is_never_saved_is_never_published()
    {
        await using var scenario = await Scenario.CreateAsync();
        await using var host = await EventsHost.StartAsync(scenario);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var shop = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            await using var transaction = await shop.Database.BeginTransactionAsync();
            shop.Orders.Add(new Order { Id = Guid.CreateVersion7(), Number = 7 });
            shop.AddEvent(new OrderPlaced(Guid.CreateVersion7(), 7));
            await shop.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await host.PlaceOrdersAsync([8]);

        await Eventually.AssertAsync(async () => await host.QueryAsync<MailerDbContext, int>(db => db.Receipts.CountAsync()) == 1, TimeSpan.FromSeconds(30));
        (await host.QueryAsync<MailerDbContext, List<int>>(db => db.Receipts.Select(r => r.Number).ToListAsync())).Should().Equal(8);
        (await host.QueryAsync<ShopDbContext, int>(db => db.OutboxMessages.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Housekeeping_deletes_sent_outbox_rows_and_inbox_rows_past_their_retention()
    {
        await using var scenario = await Scenario.CreateAsync();
        await using var host = await EventsHost.StartAsync(scenario, configure: o =>
        {
            o.Relay.SentRetention = TimeSpan.Zero;
            o.Consumers.InboxRetention = TimeSpan.Zero;
        });
        await host.PlaceOrdersAsync([1, 2]);
        await Eventually.AssertAsync(async () => (await Handled.ReceiptsAsync(host)).Count == 2 && await host.QueryAsync<ShopDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)) == 0,
            TimeSpan.FromSeconds(30));
        var relay = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OutboxRelay>().Single();
        var registry = host.Services.GetRequiredService<Marketplace.Shared.Modules.ModuleRegistry>();
        var source = host.Services.GetServices<Marketplace.Shared.Persistence.ModuleDataSource>().First().DataSource;
        foreach (var module in registry.Modules)
            await relay.CleanUpAsync(module, source, CancellationToken.None);

        (await host.QueryAsync<ShopDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.SentAt != null))).Should().Be(0);
        (await host.QueryAsync<MailerDbContext, int>(db => db.InboxMessages.CountAsync())).Should().Be(0);
        (await Handled.ReceiptsAsync(host)).Should().HaveCount(2, "housekeeping never touches module data");
    }

    [Fact]
    public async Task Readiness_turns_unhealthy_when_the_outbox_backlog_is_older_than_the_bound()
    {
        await using var scenario = await Scenario.CreateAsync();
        await using var host = await EventsHost.StartAsync(scenario, configure: o =>
        {
            o.Relay.Enabled = false;
            o.MaxOutboxAge = TimeSpan.FromMilliseconds(300);
        });
        var health = host.Services.GetRequiredService<HealthCheckService>();
        async Task<HealthStatus> OutboxStatusAsync() =>
            (await health.CheckHealthAsync(c => c.Name == "outbox")).Entries["outbox"].Status;

        (await OutboxStatusAsync()).Should().Be(HealthStatus.Healthy);
        await host.PlaceOrdersAsync([1]);

        await Eventually.AssertAsync(async () => await OutboxStatusAsync() == HealthStatus.Unhealthy, TimeSpan.FromSeconds(15));
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(Infrastructure.ReadyTag));
        report.Entries["outbox"].Description.Should().Contain("Shop");
    }
}
