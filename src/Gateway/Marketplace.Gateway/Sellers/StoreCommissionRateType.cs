using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>StoreCommissionRate</c>: the platform's rate on a store's orders.</summary>
internal sealed class StoreCommissionRateType : ObjectGraphType<StoreCommissionRate>
{
    public StoreCommissionRateType()
    {
        Name = "StoreCommissionRate";
        Description = "The platform's commission on a store's orders from now on (booked orders keep the rate they were booked with).";
        Field<NonNullGraphType<IdGraphType>>("storeId").Description("The Store.").Resolve(c => GlobalId.Encode(SellersArea.StoreTypeName, c.Source.StoreId));
        Field<NonNullGraphType<ExactDecimalGraphType>>("rate").Description("0 to 1, e.g. \"0.1000\" for 10 %.")
            .Resolve(c => decimal.Parse(c.Source.Rate, System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<BooleanGraphType>>("overridden").Description("Whether the store has its own rate (else the default, Modules:Sellers:Payouts:CommissionRate).")
            .Resolve(c => c.Source.Overridden);
    }
}
