using GraphQL.Types;

namespace Marketplace.Gateway.Conventions;

/// <summary>An amount of money in one currency (ISO 4217 code).</summary>
public sealed record Money(decimal Amount, string CurrencyCode);

public sealed class MoneyType : ObjectGraphType<Money>
{
    public MoneyType()
    {
        Name = "Money";
        Description = "An exact amount in one currency. Amounts are decimal strings, never floats.";
        Field<NonNullGraphType<ExactDecimalGraphType>>("amount").Description("The amount, exact, as a decimal string, e.g. \"12.50\".").Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<StringGraphType>>("currencyCode").Description("ISO 4217, e.g. EUR.").Resolve(c => c.Source.CurrencyCode);
    }
}
