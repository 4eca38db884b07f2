using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Marketplace.Events.Tests.Fixtures;
using Marketplace.Shared.Operations;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Events.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task The_backbone_reports_publishes_handling_redeliveries_dead_letters_backlog_and_lag_on_the_Marketplace_meter()
    {
        // Instruments are process-wide and other tests run in parallel: the assertions are lower bounds.
        var totals = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Observability.MeterName)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();

        await using var scenario = await Scenario.CreateAsync();
        scenario.Plan.AlwaysFail[9] = true;
        await using var host = await EventsHost.StartAsync(scenario);
        await host.PlaceOrdersAsync([8, 9]);
        await Eventually.AssertAsync(async () => await host.QueryAsync<MailerDbContext, int>(db => db.DeadLetters.CountAsync()) == 1, TimeSpan.FromSeconds(30));
        listener.RecordObservableInstruments();

        totals.Should().ContainKey("marketplace.events.relay.published").WhoseValue.Should().BeGreaterThanOrEqualTo(2);
        totals.Should().ContainKey("marketplace.events.consumer.handled").WhoseValue.Should().BeGreaterThanOrEqualTo(2);
        totals.Should().ContainKey("marketplace.events.consumer.redeliveries").WhoseValue.Should().BeGreaterThanOrEqualTo(3);
        totals.Should().ContainKey("marketplace.events.consumer.failures").WhoseValue.Should().BeGreaterThanOrEqualTo(4);
        totals.Should().ContainKey("marketplace.events.consumer.dead_letters").WhoseValue.Should().BeGreaterThanOrEqualTo(1);
        totals.Should().ContainKey("marketplace.events.outbox.backlog");
        totals.Should().ContainKey("marketplace.events.outbox.oldest_age");
        totals.Should().ContainKey("marketplace.events.consumer.lag");
    }
}
