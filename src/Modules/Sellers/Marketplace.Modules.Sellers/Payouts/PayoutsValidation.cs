using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared;

namespace Marketplace.Modules.Sellers.Payouts;

/// <summary>Settings that would book wrong amounts stop the host at start-up rather than at the first order.</summary>
internal static class PayoutsValidation
{
    public static void Check(PayoutsOptions options)
    {
        const string section = "Modules:Sellers:Payouts";
        if (!PayoutRules.IsValidRate(options.CommissionRate))
            throw new ConfigurationException($"{section}:CommissionRate", options.CommissionRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "a rate is 0 to 1 with at most 4 decimals");
        if (options.HoldPeriod < TimeSpan.Zero)
            throw new ConfigurationException($"{section}:HoldPeriod", options.HoldPeriod.ToString(), "the hold period cannot be negative");
        if (options.Minimum <= 0 || options.MinimumByCurrency.Values.Any(m => m <= 0))
            throw new ConfigurationException($"{section}:Minimum", options.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture), "a payout minimum is above 0");
        if (options.MaxPayoutsPerRun <= 0)
            throw new ConfigurationException($"{section}:MaxPayoutsPerRun", options.MaxPayoutsPerRun.ToString(System.Globalization.CultureInfo.InvariantCulture), "at least 1");
    }
}
