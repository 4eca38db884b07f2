using System.Diagnostics.Metrics;
using Hangfire;
using Marketplace.Modules.Inventory.Stock.FindDrift;
using Marketplace.Shared.Operations;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Inventory.Jobs;

/// <summary>
/// The nightly reconciliation (Saleor does the same, commerce.md §0.7): recomputes every variant's counters from its
/// movements, holds and allocations and reports each variant whose stored counters drifted, as a log line (warning) and
/// on the <c>marketplace.inventory.reconciliation.drifted</c> gauge (the last run's count). It only reports: a drift means
/// a bug or a hand edit, and the stored counters are what the invariant constraints checked, so a person decides.
/// </summary>
internal sealed class ReconcileCountersJob(ISender mediator, ILogger<ReconcileCountersJob> logger)
{
    public const string RecurringId = "inventory:reconcile-counters";
    private const int MaxReported = 1000;

    private static readonly Meter Meter = new(Observability.MeterName);
    private static long _lastDrifted;
    private static readonly ObservableGauge<long> DriftedGauge =
        Meter.CreateObservableGauge("marketplace.inventory.reconciliation.drifted", () => Interlocked.Read(ref _lastDrifted), "{variant}", "Variants whose counters differ from their movements at the last reconciliation");

    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("marketplace.inventory.reconciliation.runs", "{run}", "Reconciliation runs");

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<DriftReport> RunAsync()
    {
        _ = DriftedGauge;
        var report = await mediator.Send(new FindDriftQuery(MaxReported));
        Interlocked.Exchange(ref _lastDrifted, report.Drifted.Count);
        Runs.Add(1);
        foreach (var drift in report.Drifted)
        {
            logger.LogWarning(
                "Inventory drift on variant {VariantId}: stored on_hand {OnHand} reserved {Reserved} allocated {Allocated}; movements sum to {MovedOnHand}/{MovedReserved}/{MovedAllocated}; active holds {ActiveHolds}, open allocations {OpenAllocations}",
                drift.VariantId, drift.OnHand, drift.Reserved, drift.Allocated, drift.MovedOnHand, drift.MovedReserved, drift.MovedAllocated, drift.ActiveHolds, drift.OpenAllocations);
        }

        logger.LogInformation("Inventory reconciliation checked {Variants} variants, {Drifted} drifted", report.VariantsChecked, report.Drifted.Count);
        return report;
    }
}
