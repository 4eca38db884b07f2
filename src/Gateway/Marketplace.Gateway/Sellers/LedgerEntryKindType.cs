using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class LedgerEntryKindType : EnumerationGraphType
{
    public LedgerEntryKindType()
    {
        Name = "LedgerEntryKind";
        Description = "What a ledger entry is for (docs/payouts.md).";
        Add("SALE", "SALE", "+ the order's total, what the buyer paid for it.");
        Add("COMMISSION", "COMMISSION", "− the platform's commission on the order (+ when the order is refunded).");
        Add("COLLECTED_BY_SELLER", "COLLECTED_BY_SELLER", "− the total of an order paid in cash to you (you hold the money); + when refunded.");
        Add("REFUND", "REFUND", "− the order's total when an order is cancelled after acceptance.");
        Add("ADJUSTMENT", "ADJUSTMENT", "± a correction by an administrator, with a reason.");
        Add("PAYOUT", "PAYOUT", "− money paid out to you.");
        Add("PAYOUT_FAILED", "PAYOUT_FAILED", "+ the amount of a payout that failed, back in your balance.");
    }
}
