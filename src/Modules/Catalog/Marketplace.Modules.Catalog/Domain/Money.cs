using System.Globalization;

namespace Marketplace.Modules.Catalog.Domain;

/// <summary>
/// Prices: exact decimals in a known currency, with no more decimals than the currency has (ISO 4217 minor units:
/// 2 for EUR, 0 for JPY, 3 for KWD). "12.50" and "12.5" are the same price; "12.505" in EUR is refused rather than
/// rounded, so a float that slipped through a client never silently becomes a different price.
/// </summary>
internal static class Money
{
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.Ordinal)
    {
        ["EUR"] = 2, ["USD"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2,
        ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2, ["BGN"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2, ["BRL"] = 2,
        ["MXN"] = 2, ["INR"] = 2, ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2, ["ZAR"] = 2, ["TRY"] = 2, ["ILS"] = 2,
        ["AED"] = 2, ["MAD"] = 2, ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0,
        ["KWD"] = 3, ["BHD"] = 3, ["JOD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    public static bool IsKnownCurrency(string code) => MinorUnits.ContainsKey(code);

    public static int DecimalsOf(string currency) => MinorUnits.TryGetValue(currency, out var digits) ? digits : 2;

    /// <summary>Reads a decimal string ("12.50"); false for anything else (floats in exponent form, commas, blanks).</summary>
    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>True when the amount has no more decimals than the currency allows.</summary>
    public static bool FitsCurrency(decimal amount, string currency) => decimal.Round(amount, DecimalsOf(currency)) == amount;

    /// <summary>Invariant text with exactly the currency's decimals ("12.50", "1200").</summary>
    public static string Format(decimal amount, string currency) =>
        decimal.Round(amount, DecimalsOf(currency)).ToString("F" + DecimalsOf(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
