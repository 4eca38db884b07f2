using Mediator;

namespace Marketplace.Modules.Inventory.Stock.FindDrift;

/// <summary>Variants whose stored counters differ from what their rows say (at most <see cref="Limit"/> of them).</summary>
internal sealed record FindDriftQuery(int Limit) : IQuery<DriftReport>;

/// <summary>
/// A variant's stored counters beside what they should be: the sums of its movements' deltas, and for reserved and
/// allocated also the sums of its active holds and open allocations.
/// </summary>
internal sealed record Drift(
    Guid VariantId,
    int OnHand,
    int Reserved,
    int Allocated,
    long MovedOnHand,
    long MovedReserved,
    long MovedAllocated,
    long ActiveHolds,
    long OpenAllocations);

internal sealed record DriftReport(int VariantsChecked, IReadOnlyList<Drift> Drifted);
