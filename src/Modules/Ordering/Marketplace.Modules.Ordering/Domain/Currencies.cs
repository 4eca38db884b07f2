using System.Globalization;
using Marketplace.Shared.Payments;

namespace Marketplace.Modules.Ordering.Domain;

/// <summary>
/// Money arithmetic: exact decimals, each amount with its currency's decimals (ISO 4217 minor units, as Catalog prices
/// them; the table is the platform's one, <see cref="CurrencyUnits"/>), and the amounts a payment provider takes in
/// minor units.
/// </summary>
internal static class Currencies
{
    public static int DecimalsOf(string currency) => CurrencyUnits.DecimalsOf(currency);

    /// <summary>Invariant text with exactly the currency's decimals ("12.50", "1200").</summary>
    public static string Format(decimal amount, string currency) =>
        decimal.Round(amount, DecimalsOf(currency), MidpointRounding.ToEven).ToString("F" + DecimalsOf(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out decimal value) => CurrencyUnits.TryParse(text, out value);

    /// <summary>The amount in minor units (cents), as card providers take it; throws if it does not fit the currency.</summary>
    public static long ToMinorUnits(decimal amount, string currency) =>
        CurrencyUnits.TryToMinor(amount, currency, out var minor) ? minor : throw new InvalidOperationException($"{amount} has more decimals than {currency} allows.");
}
