using GraphQL.Types;
using Marketplace.Gateway.Conventions;

namespace Marketplace.Gateway.Sellers;

internal sealed class StoreCommissionRateSetInputType : InputObjectGraphType
{
    public StoreCommissionRateSetInputType()
    {
        Name = "StoreCommissionRateSetInput";
        Description = "A store's own commission rate.";
        Field<NonNullGraphType<IdGraphType>>("storeId").Description("The Store.");
        Field<ExactDecimalGraphType>("rate").Description("0 to 1 with at most 4 decimals (\"0.085\" is 8.5 %); null: back to the default. Required (give null explicitly).");
    }
}
