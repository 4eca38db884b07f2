using System.ComponentModel;

namespace Marketplace.Modules.Sellers.Contracts;

/// <summary>
/// The reasons the <c>SellersPayouts</c> contract reports beside <see cref="Marketplace.Shared.Contracts.CommonErrorCodes"/>
/// (docs/payouts.md). The gateway publishes them as the <c>PayoutErrorCode</c> enum.
/// </summary>
public static class PayoutErrorCodes
{
    [Description("No seller with this id runs a store here.")]
    public const string SellerNotFound = "SELLER_NOT_FOUND";

    [Description("No such store.")]
    public const string StoreNotFound = "STORE_NOT_FOUND";

    [Description("No such payout.")]
    public const string PayoutNotFound = "PAYOUT_NOT_FOUND";

    [Description("Only a PENDING payout can be marked paid or failed.")]
    public const string PayoutNotPending = "PAYOUT_NOT_PENDING";

    [Description("The payout goes through Stripe: its outcome comes from Stripe, not from an administrator.")]
    public const string PayoutNotManual = "PAYOUT_NOT_MANUAL";

    [Description("Not a currency the marketplace knows (ISO 4217, upper case).")]
    public const string InvalidCurrency = "INVALID_CURRENCY";

    [Description("The amount is zero, too large, or has more decimals than its currency allows.")]
    public const string InvalidAmount = "INVALID_AMOUNT";

    [Description("A commission rate is a decimal from 0 to 1 with at most 4 decimals.")]
    public const string InvalidRate = "INVALID_RATE";

    [Description("Not a Stripe connected account id (acct_…).")]
    public const string InvalidAccount = "INVALID_ACCOUNT";

    [Description("This idempotency key was used for a different adjustment.")]
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
}
