namespace Marketplace.Modules.Ordering.Domain;

/// <summary>
/// One order per store of a checkout, in one <see cref="OrderGroup"/>. <see cref="Snapshot"/> is the frozen document
/// written once at checkout (a trigger refuses any change of it and of the other frozen columns); the other columns are
/// copies of it for queries, and the status columns issue 17's lifecycle moves (a history row per transition).
/// </summary>
internal sealed class Order
{
    public Guid Id { get; set; }

    public Guid GroupId { get; set; }

    public string Number { get; set; } = "";

    public Guid BuyerId { get; set; }

    public Guid StoreId { get; set; }

    public Guid SellerId { get; set; }

    public string Status { get; set; } = OrderStatus.Placed;

    public string PaymentStatus { get; set; } = Domain.PaymentStatus.Pending;

    public string PaymentMethod { get; set; } = "";

    public string Fulfilment { get; set; } = "";

    public string CurrencyCode { get; set; } = "";

    public decimal Subtotal { get; set; }

    public decimal Total { get; set; }

    public int ItemCount { get; set; }

    public int LineCount { get; set; }

    public string Snapshot { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal static class OrderStatus
{
    public const string Placed = "PLACED";
    public const string Accepted = "ACCEPTED";
    public const string ReadyForPickup = "READY_FOR_PICKUP";
    public const string OutForDelivery = "OUT_FOR_DELIVERY";
    public const string PickedUp = "PICKED_UP";
    public const string Delivered = "DELIVERED";
    public const string Completed = "COMPLETED";
    public const string Rejected = "REJECTED";
    public const string Cancelled = "CANCELLED";
    public const string Expired = "EXPIRED";

    /// <summary>Every status an order may have (docs/ordering.md, "Lifecycle").</summary>
    public static readonly IReadOnlyList<string> All = [Placed, Accepted, ReadyForPickup, OutForDelivery, PickedUp, Delivered, Completed, Rejected, Cancelled, Expired];

    /// <summary>Nothing moves an order out of these.</summary>
    public static readonly IReadOnlyList<string> Terminal = [Rejected, Cancelled, Expired];
}

internal static class PaymentStatus
{
    /// <summary>Paid on delivery or at pickup: nothing taken yet.</summary>
    public const string Pending = "PENDING";

    /// <summary>A card payment held (captured when the seller accepts).</summary>
    public const string Authorized = "AUTHORIZED";

    /// <summary>Captured (card, at acceptance) or handed over in cash (at delivery or pickup).</summary>
    public const string Paid = "PAID";

    /// <summary>The order ended before anything was taken: the hold let go, nothing to collect.</summary>
    public const string Voided = "VOIDED";

    /// <summary>Given back in full (an administrator cancelled the order after it was paid).</summary>
    public const string Refunded = "REFUNDED";

    public static readonly IReadOnlyList<string> All = [Pending, Authorized, Paid, Voided, Refunded, "PARTIALLY_REFUNDED"];
}

/// <summary>The orders of one checkout: one per store, numbered MP-&lt;number&gt;-1, -2, … One group per checkout (unique).</summary>
internal sealed class OrderGroup
{
    public Guid Id { get; set; }

    public long Number { get; set; }

    public Guid BuyerId { get; set; }

    public Guid CheckoutId { get; set; }

    public string CurrencyCode { get; set; } = "";

    public decimal Total { get; set; }

    public int OrderCount { get; set; }

    public string PaymentMethod { get; set; } = "";

    public string? PaymentIntentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static string Format(long number) => $"MP-{number}";

    public static string OrderNumber(long groupNumber, int position) => $"MP-{groupNumber}-{position}";
}

/// <summary>One transition of an order's status (its creation included): who, from what, to what, when.</summary>
internal sealed class OrderStatusChange
{
    public long Id { get; set; }

    public Guid OrderId { get; set; }

    public string? FromStatus { get; set; }

    public string ToStatus { get; set; } = "";

    public string ActorKind { get; set; } = "";

    public string? ActorId { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}

/// <summary>
/// A side effect of a transition (<see cref="OrderEffectKinds"/>): written by the transaction that moved the status, done
/// after it commits (a payment or Inventory call, idempotent by the order), marked done once. A process that dies in
/// between leaves it pending and the effects job does it (docs/ordering.md, "Lifecycle").
/// </summary>
internal sealed class OrderEffect
{
    public long Id { get; set; }

    public Guid OrderId { get; set; }

    public Guid GroupId { get; set; }

    public string Kind { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the effects job may next try it (the live request tries it first, at once).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}
