using System.Globalization;

namespace Marketplace.Modules.Ordering.Domain;

/// <summary>
/// Money arithmetic: exact decimals, each amount with its currency's decimals (ISO 4217 minor units, as Catalog prices
/// them), and the amounts a payment provider takes in minor units.
/// </summary>
internal static class Currencies
{
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.Ordinal)
    {
        ["EUR"] = 2, ["USD"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2,
        ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2, ["BGN"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2, ["BRL"] = 2,
        ["MXN"] = 2, ["INR"] = 2, ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2, ["ZAR"] = 2, ["TRY"] = 2, ["ILS"] = 2,
        ["AED"] = 2, ["MAD"] = 2, ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0,
        ["KWD"] = 3, ["BHD"] = 3, ["JOD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    public static int DecimalsOf(string currency) => MinorUnits.TryGetValue(currency, out var digits) ? digits : 2;

    /// <summary>Invariant text with exactly the currency's decimals ("12.50", "1200").</summary>
    public static string Format(decimal amount, string currency) =>
        decimal.Round(amount, DecimalsOf(currency), MidpointRounding.ToEven).ToString("F" + DecimalsOf(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>The amount in minor units (cents), as card providers take it; throws if it does not fit the currency.</summary>
    public static long ToMinorUnits(decimal amount, string currency)
    {
        var scaled = amount * Pow10(DecimalsOf(currency));
        return scaled == decimal.Truncate(scaled) ? (long)scaled : throw new InvalidOperationException($"{amount} has more decimals than {currency} allows.");
    }

    private static decimal Pow10(int digits)
    {
        decimal result = 1;
        for (var i = 0; i < digits; i++)
            result *= 10;
        return result;
    }
}
