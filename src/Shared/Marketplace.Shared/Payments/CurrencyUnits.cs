using System.Globalization;

namespace Marketplace.Shared.Payments;

/// <summary>
/// ISO 4217 minor units (2 for EUR, 0 for JPY, 3 for KWD) and exact conversions between decimal amounts and integers of
/// minor units, for code that keeps money as integers (the sellers' payout ledger). The same table as Catalog's prices
/// and Ordering's totals: an amount never has more decimals than its currency, so converting is exact or refused.
/// </summary>
public static class CurrencyUnits
{
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.Ordinal)
    {
        ["EUR"] = 2, ["USD"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2,
        ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2, ["BGN"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2, ["BRL"] = 2,
        ["MXN"] = 2, ["INR"] = 2, ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2, ["ZAR"] = 2, ["TRY"] = 2, ["ILS"] = 2,
        ["AED"] = 2, ["MAD"] = 2, ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0,
        ["KWD"] = 3, ["BHD"] = 3, ["JOD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    public static bool IsKnown(string currency) => MinorUnits.ContainsKey(currency);

    /// <summary>The currency's decimals; 2 for a code the table does not list.</summary>
    public static int DecimalsOf(string currency) => MinorUnits.TryGetValue(currency, out var digits) ? digits : 2;

    /// <summary>Reads decimal text ("12.50", "-3"); false for anything else (exponents, commas, blanks).</summary>
    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>The amount in minor units, exactly; false when it has more decimals than the currency or does not fit a long.</summary>
    public static bool TryToMinor(decimal amount, string currency, out long minor)
    {
        minor = 0;
        var scaled = amount * Pow10(DecimalsOf(currency));
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
            return false;
        minor = (long)scaled;
        return true;
    }

    /// <summary>As <see cref="TryToMinor"/>, throwing when the amount does not fit the currency.</summary>
    public static long ToMinor(decimal amount, string currency) =>
        TryToMinor(amount, currency, out var minor) ? minor : throw new ArgumentException($"{amount} has more decimals than {currency} allows.", nameof(amount));

    /// <summary>Minor units back to the decimal amount, with exactly the currency's decimals (1250 EUR → 12.50).</summary>
    public static decimal FromMinor(long minor, string currency)
    {
        // Built from the integer and the scale, so the result keeps trailing zeros (12.50, not 12.5).
        var magnitude = minor < 0 ? (ulong)(-(minor + 1)) + 1 : (ulong)minor;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, minor < 0, (byte)DecimalsOf(currency));
    }

    /// <summary>Invariant text with exactly the currency's decimals ("12.50", "-3.00", "1200").</summary>
    public static string Format(long minor, string currency) => FromMinor(minor, currency).ToString(CultureInfo.InvariantCulture);

    private static decimal Pow10(int digits)
    {
        decimal result = 1;
        for (var i = 0; i < digits; i++)
            result *= 10;
        return result;
    }
}
