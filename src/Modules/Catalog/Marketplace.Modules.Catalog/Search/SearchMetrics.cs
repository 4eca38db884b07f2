using System.Diagnostics.Metrics;
using Marketplace.Shared.Events;
using Marketplace.Shared.Operations;

namespace Marketplace.Modules.Catalog.Search;

/// <summary>The search projection's instruments on the <c>Marketplace</c> meter (docs/catalog-search.md, docs/events.md).</summary>
internal static class SearchMetrics
{
    private static readonly Meter Meter = new(Observability.MeterName);

    /// <summary>
    /// Seconds from a change (the event's occurred-at, i.e. when the product or store use case committed it) to its
    /// search rows being rebuilt, per event kind. It spans outbox relay, JetStream, the consumer's queue and the rebuild.
    /// </summary>
    public static readonly Histogram<double> ProjectionLag = Meter.CreateHistogram<double>(
        "marketplace.catalog.search.projection_lag",
        "s",
        "Time from a product or store change to its search rows being rebuilt");

    public static readonly Counter<long> RowsRebuilt = Meter.CreateCounter<long>(
        "marketplace.catalog.search.rows_rebuilt",
        "{row}",
        "Search rows written by the projection (live and shadow tables)");

    /// <summary>Records the lag of the event being handled (a handler runs with <see cref="EventContext"/> set).</summary>
    public static void RecordLag(string eventName, TimeProvider clock)
    {
        if (EventContext.CurrentOccurredAt is { } occurredAt)
            ProjectionLag.Record(Math.Max(0, (clock.GetUtcNow() - occurredAt).TotalSeconds), new KeyValuePair<string, object?>("event", eventName));
    }
}
