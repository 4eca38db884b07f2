namespace Marketplace.Modules.Sellers.Domain;

/// <summary>The kinds of ledger entry (docs/payouts.md, "Entry types"): the sign of each is fixed by its kind.</summary>
internal static class LedgerEntryType
{
    /// <summary>+ the order's total (− for its reversal: REFUND).</summary>
    public const string Sale = "SALE";

    /// <summary>− the platform's commission on the order (+ when reversed).</summary>
    public const string Commission = "COMMISSION";

    /// <summary>− the total of an offline-paid order: the seller holds the buyer's cash (+ when reversed).</summary>
    public const string CollectedBySeller = "COLLECTED_BY_SELLER";

    /// <summary>− the order's total, when an order is cancelled after acceptance (the reversal of SALE).</summary>
    public const string Refund = "REFUND";

    /// <summary>± by an administrator, with a reason.</summary>
    public const string Adjustment = "ADJUSTMENT";

    /// <summary>− the amount paid out.</summary>
    public const string Payout = "PAYOUT";

    /// <summary>+ the amount of a payout that failed (given back).</summary>
    public const string PayoutFailed = "PAYOUT_FAILED";

    public static readonly string[] All = [Sale, Commission, CollectedBySeller, Refund, Adjustment, Payout, PayoutFailed];
}

internal static class PayoutStatus
{
    public const string Pending = "PENDING";
    public const string Paid = "PAID";
    public const string Failed = "FAILED";
}

internal static class PayoutProvider
{
    public const string Manual = "MANUAL";
    public const string Stripe = "STRIPE";
}

/// <summary>
/// One line of a seller's ledger, in integer minor units of its currency. Append-only (a trigger refuses any change but
/// setting a null <see cref="AvailableAt"/> once, when the order completes or is cancelled). Balances are sums of entries.
/// </summary>
internal sealed class LedgerEntry
{
    public Guid Id { get; set; }

    /// <summary>The ledger's own order (an identity): pages of entries are keyed on it.</summary>
    public long Position { get; set; }

    public Guid SellerId { get; set; }

    public string CurrencyCode { get; set; } = "";

    public string Type { get; set; } = "";

    /// <summary>Signed, in minor units (cents).</summary>
    public long Amount { get; set; }

    public Guid? OrderId { get; set; }

    public Guid? StoreId { get; set; }

    public Guid? PayoutId { get; set; }

    /// <summary>The entries that undo an order's earlier ones after a cancellation.</summary>
    public bool Reversal { get; set; }

    /// <summary>COMMISSION entries: the rate applied.</summary>
    public decimal? CommissionRate { get; set; }

    public string? PaymentMethod { get; set; }

    public string? Reason { get; set; }

    /// <summary>ADJUSTMENT: the administrator's key, so a retried request adds nothing.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The user (ADMIN) who made an adjustment.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>The event that wrote it (order entries).</summary>
    public Guid? EventId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>From when the entry counts as available; null while its order has not completed.</summary>
    public DateTimeOffset? AvailableAt { get; set; }
}

/// <summary>Money sent to a seller: PENDING → PAID | FAILED. Its PAYOUT entry was written with it.</summary>
internal sealed class Payout
{
    public Guid Id { get; set; }

    public Guid SellerId { get; set; }

    public string CurrencyCode { get; set; } = "";

    /// <summary>Positive, in minor units.</summary>
    public long Amount { get; set; }

    public string Status { get; set; } = PayoutStatus.Pending;

    public string Provider { get; set; } = PayoutProvider.Manual;

    /// <summary>STRIPE: the connected account.</summary>
    public string? Destination { get; set; }

    public string? Reference { get; set; }

    public string? FailureReason { get; set; }

    public Guid RunId { get; set; }

    public Guid? ActorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }
}

/// <summary>A store's own commission rate, set by an administrator (no row: the default applies).</summary>
internal sealed class StoreCommissionRate
{
    public Guid StoreId { get; set; }

    public decimal Rate { get; set; }

    public Guid SetBy { get; set; }

    public DateTimeOffset SetAt { get; set; }
}

/// <summary>Where a seller is paid: a Stripe connected account (no row: payouts are manual).</summary>
internal sealed class SellerPayoutAccount
{
    public Guid SellerId { get; set; }

    public string StripeAccountId { get; set; } = "";

    public Guid SetBy { get; set; }

    public DateTimeOffset SetAt { get; set; }
}
