using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class PayoutRunStartInputType : InputObjectGraphType
{
    public PayoutRunStartInputType()
    {
        Name = "PayoutRunStartInput";
        Description = "Which balances a payout run pays.";
        Field<StringGraphType>("currencyCode").Description("Only this currency (ISO 4217, e.g. EUR); every currency when left out.");
    }
}
