namespace Marketplace.Modules.Ordering.Domain;

/// <summary>
/// A checkout, persisted as a state machine (docs/ordering.md): OPEN (stock held until <see cref="ExpiresAt"/>) →
/// COMPLETING (committed before any payment call: the idempotency key, the request's hash, the pre-generated order group
/// and order ids) → COMPLETED (orders written, in one transaction with their events, the checked-out cart and the
/// result) or FAILED (compensated). An OPEN checkout becomes REPLACED when the buyer creates another, EXPIRED when
/// completed too late.
/// </summary>
internal sealed class Checkout
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BuyerId { get; set; }

    public Guid CartId { get; set; }

    /// <summary>The cart's version the checkout was priced from.</summary>
    public int CartVersion { get; set; }

    public string Status { get; set; } = CheckoutStatus.Open;

    public DateTimeOffset ExpiresAt { get; set; }

    public string Fulfilment { get; set; } = Domain.Fulfilment.Delivery;

    public Guid? DeliveryAddressId { get; set; }

    /// <summary>JSON of the delivery address as it was (null for pickup).</summary>
    public string? DeliveryAddress { get; set; }

    public string PaymentMethod { get; set; } = PaymentMethods.PayOnDelivery;

    public string CurrencyCode { get; set; } = "";

    public decimal Total { get; set; }

    /// <summary>JSON: the priced lines and the stores (<see cref="CheckoutDocument"/>).</summary>
    public string Document { get; set; } = "{}";

    public string? PaymentIntentId { get; set; }

    public string? PaymentClientSecret { get; set; }

    public string? PaymentStatus { get; set; }

    public string? IdempotencyKey { get; set; }

    public byte[]? RequestHash { get; set; }

    public DateTimeOffset? CompletingStartedAt { get; set; }

    public Guid? OrderGroupId { get; set; }

    public long? OrderGroupNumber { get; set; }

    /// <summary>JSON: store id → the pre-generated order id (fixed at COMPLETING, so compensation knows them).</summary>
    public string? OrderIds { get; set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal static class CheckoutStatus
{
    public const string Open = "OPEN";
    public const string Completing = "COMPLETING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Expired = "EXPIRED";
    public const string Replaced = "REPLACED";

    public static readonly IReadOnlyList<string> All = [Open, Completing, Completed, Failed, Expired, Replaced];
}

/// <summary>
/// A claimed idempotency key of a buyer's checkoutComplete: claimed with <c>INSERT … ON CONFLICT DO NOTHING</c> when a
/// request starts completing, so the same key on another request is refused however the two interleave.
/// </summary>
internal sealed class IdempotencyKey
{
    public Guid BuyerId { get; set; }

    public string Key { get; set; } = "";

    public byte[] RequestHash { get; set; } = [];

    public Guid CheckoutId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
