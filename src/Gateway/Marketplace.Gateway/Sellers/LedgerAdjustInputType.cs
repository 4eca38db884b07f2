using GraphQL.Types;
using Marketplace.Gateway.Conventions;

namespace Marketplace.Gateway.Sellers;

internal sealed class LedgerAdjustInputType : InputObjectGraphType
{
    public LedgerAdjustInputType()
    {
        Name = "LedgerAdjustInput";
        Description = "A correction of a seller's balance: an ADJUSTMENT entry, available at once.";
        Field<NonNullGraphType<IdGraphType>>("sellerId").Description("The seller (their user id, as viewer.userId); they must run a store here.");
        Field<NonNullGraphType<StringGraphType>>("currencyCode").Description("ISO 4217, e.g. EUR.");
        Field<NonNullGraphType<ExactDecimalGraphType>>("amount").Description("Signed, not 0, with at most the currency's decimals, e.g. \"-12.50\"; at most 10,000,000,000.00 either way (in minor units: 10¹²).");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, 1 to 500 characters (the seller sees it).");
        Field<StringGraphType>("idempotencyKey").Description("Optional, at most 100 characters: the same key again answers the first adjustment instead of adding another.");
    }
}
