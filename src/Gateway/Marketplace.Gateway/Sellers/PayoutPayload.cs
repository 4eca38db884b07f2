using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Sellers;

/// <summary>What every payout mutation answers: its result, or the userErrors (nothing changed).</summary>
internal sealed record PayoutPayload(object? Value, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>Invalid input, broken rules and an unknown object (NotFound, on <paramref name="idField"/>) become userErrors.</summary>
    public static async Task<PayoutPayload> RunAsync(Func<Task<object?>> call, string idField) =>
        await ContractCalls.PayloadAsync(async () => new PayoutPayload(await call(), []), errors => new PayoutPayload(null, errors), idField);
}

/// <summary>Names a payout mutation's input and payload types and its result field.</summary>
internal interface IPayoutMutation
{
    static abstract string TypePrefix { get; }

    static abstract string ValueField { get; }

    static abstract string ValueDescription { get; }
}

internal sealed class PayoutRunStart : IPayoutMutation
{
    public static string TypePrefix => "PayoutRunStart";

    public static string ValueField => "payouts";

    public static string ValueDescription => "The payouts this run created (empty when no balance reached the minimum); null when the mutation failed.";
}

internal sealed class PayoutMarkPaid : IPayoutMutation
{
    public static string TypePrefix => "PayoutMarkPaid";

    public static string ValueField => "payout";

    public static string ValueDescription => "The payout, PAID; null when the mutation failed.";
}

internal sealed class PayoutMarkFailed : IPayoutMutation
{
    public static string TypePrefix => "PayoutMarkFailed";

    public static string ValueField => "payout";

    public static string ValueDescription => "The payout, FAILED (its amount is back in the seller's balance); null when the mutation failed.";
}

internal sealed class LedgerAdjust : IPayoutMutation
{
    public static string TypePrefix => "LedgerAdjust";

    public static string ValueField => "ledgerEntry";

    public static string ValueDescription => "The ADJUSTMENT entry (the first one, when the idempotency key was used before); null when the mutation failed.";
}

internal sealed class StoreCommissionRateSet : IPayoutMutation
{
    public static string TypePrefix => "StoreCommissionRateSet";

    public static string ValueField => "commissionRate";

    public static string ValueDescription => "The store's rate now; null when the mutation failed.";
}

internal sealed class SellerPayoutAccountSet : IPayoutMutation
{
    public static string TypePrefix => "SellerPayoutAccountSet";

    public static string ValueField => "payoutAccount";

    public static string ValueDescription => "The seller's payout account now; null when the mutation failed.";
}
