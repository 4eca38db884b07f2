using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Shared.Contracts;
using Entry = Marketplace.Modules.Sellers.Contracts.V1.LedgerEntry;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>LedgerEntry</c>: one line of a seller's payout ledger (append-only).</summary>
internal sealed class LedgerEntryType : ObjectGraphType<Entry>
{
    public LedgerEntryType()
    {
        Name = PayoutArea.LedgerEntryTypeName;
        Description = "One line of your payout ledger. Entries are never changed or removed; your balances are their sums.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(PayoutArea.LedgerEntryTypeName, c.Source.Id));
        Field<NonNullGraphType<LedgerEntryKindType>>("type").Description("What the entry is for.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<MoneyType>>("amount").Description("Signed: what you are owed goes up (positive) or down (negative).").Resolve(c => CatalogValues.Money(c.Source.Amount));
        Field<NonNullGraphType<LedgerEntryStatusType>>("status").Description("Whether it counts in your available balance yet.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("reversal")
            .Description("True for the entries that undo an order's earlier ones when it is cancelled after acceptance (REFUND and its companions).")
            .Resolve(c => c.Source.Reversal);
        Field<IdGraphType>("orderId").Description("The Order it is for (SALE, COMMISSION, COLLECTED_BY_SELLER, REFUND); null otherwise.")
            .Resolve(c => Optional(c.Source.OrderId, PayoutArea.OrderTypeName));
        Field<IdGraphType>("storeId").Description("The Store that sold (order entries); null otherwise.").Resolve(c => Optional(c.Source.StoreId, SellersArea.StoreTypeName));
        Field<IdGraphType>("payoutId").Description("The Payout it is for (PAYOUT, PAYOUT_FAILED); null otherwise.").Resolve(c => Optional(c.Source.PayoutId, PayoutArea.PayoutTypeName));
        Field<ExactDecimalGraphType>("commissionRate").Description("COMMISSION: the rate applied, e.g. \"0.1000\"; null otherwise.")
            .Resolve(c => c.Source.CommissionRate.Length == 0 ? null : decimal.Parse(c.Source.CommissionRate, System.Globalization.CultureInfo.InvariantCulture));
        Field<StringGraphType>("reason").Description("ADJUSTMENT and PAYOUT_FAILED: why; null otherwise.").Resolve(c => c.Source.Reason.Length == 0 ? null : c.Source.Reason);
        Field<UtcDateTimeGraphType>("availableAt").Description("From when it counts as available; null until its order completes.")
            .Resolve(c => c.Source.AvailableAt.Length == 0 ? null : Timestamps.Parse(c.Source.AvailableAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When it was written.").Resolve(c => Timestamps.Parse(c.Source.CreatedAt));
    }

    private static string? Optional(string id, string typeName) => id.Length == 0 ? null : GlobalId.Encode(typeName, id);
}
