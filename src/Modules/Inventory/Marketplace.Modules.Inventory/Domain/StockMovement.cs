namespace Marketplace.Modules.Inventory.Domain;

/// <summary>
/// One change of a variant's counters, append-only (a trigger refuses UPDATE and DELETE): who, when, how much, why and
/// for what (a holder or an order). Summing the deltas of all movements of a variant gives its counters; the nightly
/// reconciliation checks exactly that.
/// </summary>
internal sealed class StockMovement
{
    /// <summary>Grows with every movement (an identity column): the movements connection pages on it, newest first.</summary>
    public long Id { get; set; }

    public Guid VariantId { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>Units moved, always positive; the deltas say in which direction.</summary>
    public int Quantity { get; set; }

    public int OnHandDelta { get; set; }

    public int ReservedDelta { get; set; }

    public int AllocatedDelta { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }

    public string? Reference { get; set; }

    public string ActorKind { get; set; } = "";

    public string? ActorId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}

internal static class MovementKind
{
    public const string Received = "RECEIVED";
    public const string Adjusted = "ADJUSTED";
    public const string Reserved = "RESERVED";
    public const string Released = "RELEASED";
    public const string Expired = "EXPIRED";
    public const string Allocated = "ALLOCATED";
    public const string Fulfilled = "FULFILLED";
    public const string Restocked = "RESTOCKED";

    public static readonly string[] All = [Received, Adjusted, Reserved, Released, Expired, Allocated, Fulfilled, Restocked];
}

/// <summary>Why a seller changed on hand.</summary>
internal static class AdjustReason
{
    public const string Received = "RECEIVED";
    public const string Correction = "CORRECTION";
    public const string CycleCount = "CYCLE_COUNT";
    public const string Damaged = "DAMAGED";
    public const string Shrinkage = "SHRINKAGE";
    public const string Returned = "RETURNED";
    public const string Other = "OTHER";

    public static readonly string[] All = [Received, Correction, CycleCount, Damaged, Shrinkage, Returned, Other];
}

internal static class ActorKind
{
    public const string User = "USER";
    public const string Service = "SERVICE";
    public const string System = "SYSTEM";
}
