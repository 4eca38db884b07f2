using System.Text.RegularExpressions;

namespace Marketplace.Modules.Sellers.Domain;

/// <summary>Limits and the rounding rule of the payout ledger (docs/payouts.md).</summary>
internal static partial class PayoutRules
{
    public const int MaxReasonLength = 500;
    public const int MaxReferenceLength = 200;
    public const int MaxIdempotencyKeyLength = 100;
    public const int MaxAccountIdLength = 255;
    public const int RateDecimals = 4;

    /// <summary>An adjustment moves at most this many minor units either way (10¹² cents: ten billion euros).</summary>
    public const long MaxAdjustmentMinor = 1_000_000_000_000;

    /// <summary>
    /// The platform's commission on an order, in minor units: total × rate rounded half to even (banker's rounding), once
    /// per order. The seller's share is total − commission, so the two add up to the total exactly. E.g. 12.25 EUR at
    /// 10 %: 1225 × 0.1 = 122.5 → 122 cents (even), share 1103; 12.35 EUR: 123.5 → 124, share 1111.
    /// </summary>
    public static long Commission(long totalMinor, decimal rate) => (long)decimal.Round(totalMinor * rate, 0, MidpointRounding.ToEven);

    /// <summary>0 ≤ rate ≤ 1 with at most <see cref="RateDecimals"/> decimals.</summary>
    public static bool IsValidRate(decimal rate) => rate is >= 0m and <= 1m && decimal.Round(rate, RateDecimals) == rate;

    public static bool IsStripeAccount(string id) => StripeAccount().IsMatch(id);

    [GeneratedRegex("^acct_[A-Za-z0-9]{1,250}$", RegexOptions.CultureInvariant)]
    private static partial Regex StripeAccount();
}
