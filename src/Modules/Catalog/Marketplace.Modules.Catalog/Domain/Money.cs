using System.Globalization;
using Marketplace.Shared.Payments;

namespace Marketplace.Modules.Catalog.Domain;

/// <summary>
/// Prices: exact decimals in a known currency, with no more decimals than the currency has (ISO 4217 minor units:
/// 2 for EUR, 0 for JPY, 3 for KWD). "12.50" and "12.5" are the same price; "12.505" in EUR is refused rather than
/// rounded, so a float that slipped through a client never silently becomes a different price. The currencies and their
/// decimals are the platform's one table (<see cref="CurrencyUnits"/>).
/// </summary>
internal static class Money
{
    public static bool IsKnownCurrency(string code) => CurrencyUnits.IsKnown(code);

    public static int DecimalsOf(string currency) => CurrencyUnits.DecimalsOf(currency);

    /// <summary>Reads a decimal string ("12.50"); false for anything else (floats in exponent form, commas, blanks).</summary>
    public static bool TryParse(string text, out decimal value) => CurrencyUnits.TryParse(text, out value);

    /// <summary>True when the amount has no more decimals than the currency allows.</summary>
    public static bool FitsCurrency(decimal amount, string currency) => decimal.Round(amount, DecimalsOf(currency)) == amount;

    /// <summary>Invariant text with exactly the currency's decimals ("12.50", "1200").</summary>
    public static string Format(decimal amount, string currency) =>
        decimal.Round(amount, DecimalsOf(currency)).ToString("F" + DecimalsOf(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
