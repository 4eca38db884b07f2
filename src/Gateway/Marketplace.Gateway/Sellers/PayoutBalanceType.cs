using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>PayoutBalance</c>: what the platform owes a seller in one currency.</summary>
internal sealed class PayoutBalanceType : ObjectGraphType<PayoutBalance>
{
    public PayoutBalanceType()
    {
        Name = "PayoutBalance";
        Description = "Your balance in one currency: the sums of your ledger entries, split by whether they are available yet.";
        Field<NonNullGraphType<StringGraphType>>("currencyCode").Description("ISO 4217, e.g. EUR.").Resolve(c => c.Source.CurrencyCode);
        Field<NonNullGraphType<MoneyType>>("available")
            .Description("What the next payout run pays you if it reaches the minimum. Negative when a refund followed a payout (or you owe commission on cash orders): later sales net it.")
            .Resolve(c => CatalogValues.Money(c.Source.Available));
        Field<NonNullGraphType<MoneyType>>("pending")
            .Description("Entries of orders not yet completed, or completed within the hold period (7 days by default).")
            .Resolve(c => CatalogValues.Money(c.Source.Pending));
    }
}
