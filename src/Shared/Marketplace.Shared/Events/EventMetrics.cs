using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Marketplace.Shared.Operations;

namespace Marketplace.Shared.Events;

/// <summary>
/// The event backbone's instruments on the <c>Marketplace</c> meter. Gauges read values the relay and consumers
/// refresh as they work, so an exporter's collection never queries PostgreSQL or NATS itself.
/// </summary>
public static class EventMetrics
{
    public static readonly ActivitySource Activities = new("Marketplace.Events");

    private static readonly Meter Meter = new(Observability.MeterName);
    private static readonly ConcurrentDictionary<string, OutboxState> Outboxes = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, long> Lags = new(StringComparer.Ordinal);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("marketplace.events.relay.published", "{message}", "Outbox rows published to JetStream");
    public static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>("marketplace.events.relay.failures", "{batch}", "Relay batches that failed (NATS unreachable, no stream)");
    public static readonly Counter<long> Handled = Meter.CreateCounter<long>("marketplace.events.consumer.handled", "{message}", "Events handled by a consumer");
    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("marketplace.events.consumer.duplicates", "{message}", "Deliveries dropped by the inbox");
    public static readonly Counter<long> Redeliveries = Meter.CreateCounter<long>("marketplace.events.consumer.redeliveries", "{message}", "Deliveries after the first");
    public static readonly Counter<long> HandlerFailures = Meter.CreateCounter<long>("marketplace.events.consumer.failures", "{message}", "Handler attempts that threw");
    public static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>("marketplace.events.consumer.dead_letters", "{message}", "Messages parked after MaxDeliver");
    public static readonly Counter<long> JobFailures = Meter.CreateCounter<long>("marketplace.jobs.failures", "{job}", "Job executions that threw");

    static EventMetrics()
    {
        Meter.CreateObservableGauge("marketplace.events.outbox.backlog", () => Outboxes.Select(o => new Measurement<long>(o.Value.Backlog, new KeyValuePair<string, object?>("module", o.Key))), "{message}", "Unsent outbox rows");
        Meter.CreateObservableGauge("marketplace.events.outbox.oldest_age", () => Outboxes.Select(o => new Measurement<double>(o.Value.OldestAge.TotalSeconds, new KeyValuePair<string, object?>("module", o.Key))), "s", "Age of the oldest unsent outbox row");
        Meter.CreateObservableGauge("marketplace.events.consumer.lag", () => Lags.Select(l => new Measurement<long>(l.Value, new KeyValuePair<string, object?>("consumer", l.Key))), "{message}", "Messages in the stream not yet delivered to the consumer");
    }

    internal static void ReportOutbox(string module, long backlog, TimeSpan oldestAge) => Outboxes[module] = new OutboxState(backlog, oldestAge);

    internal static void ReportLag(string consumer, long pending) => Lags[consumer] = pending;

    internal static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    private readonly record struct OutboxState(long Backlog, TimeSpan OldestAge);
}
