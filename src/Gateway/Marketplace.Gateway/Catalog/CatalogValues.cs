using System.Globalization;
using Marketplace.Gateway.Conventions;
using Marketplace.Shared.Contracts;
using ContractMoney = Marketplace.Shared.Contracts.V1.Money;

namespace Marketplace.Gateway.Catalog;

/// <summary>The contract's texts as GraphQL values: exact money, UTC instants.</summary>
internal static class CatalogValues
{
    public static Money? Money(ContractMoney? money) =>
        money is null || money.Amount.Length == 0
            ? null
            : new(decimal.Parse(money.Amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), money.CurrencyCode);

    public static DateTimeOffset Time(string instant) => Timestamps.Parse(instant);

    public static DateTimeOffset? OptionalTime(string instant) => instant.Length == 0 ? null : Timestamps.Parse(instant);

    /// <summary>A <c>Decimal</c> input field as the contract's decimal text (empty when absent or null).</summary>
    public static string Amount(InputObject input, string name) => input.Amount(name)?.ToString(CultureInfo.InvariantCulture) ?? "";
}
