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

    /// <summary>Every status an order may have (issue 17 adds the transitions between them).</summary>
    public static readonly IReadOnlyList<string> All = [Placed, "ACCEPTED", "REJECTED", "READY", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED"];
}

internal static class PaymentStatus
{
    /// <summary>Paid on delivery or at pickup: nothing taken yet.</summary>
    public const string Pending = "PENDING";

    /// <summary>A card payment held (captured when the seller accepts).</summary>
    public const string Authorized = "AUTHORIZED";

    public static readonly IReadOnlyList<string> All = [Pending, Authorized, "PAID", "VOIDED", "REFUNDED", "PARTIALLY_REFUNDED"];
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
