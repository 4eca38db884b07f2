using Marketplace.Shared.Payments;

namespace Marketplace.Modules.Sellers.Payouts;

/// <summary>Settings under <c>Modules:Sellers:Payouts</c> (docs/payouts.md, "Settings").</summary>
internal sealed class PayoutsOptions
{
    /// <summary>The platform's commission where a store has no rate of its own: 0 to 1, at most 4 decimals.</summary>
    public decimal CommissionRate { get; set; } = 0.10m;

    /// <summary>How long after an order completes its entries stay pending (returns, disputes).</summary>
    public TimeSpan HoldPeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The smallest available balance a run pays out, in major units, for every currency without its own.</summary>
    public decimal Minimum { get; set; } = 10m;

    /// <summary>Per-currency minimums that replace <see cref="Minimum"/> (e.g. <c>JPY: 1500</c>).</summary>
    public Dictionary<string, decimal> MinimumByCurrency { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Cron (UTC) of the recurring payout run: Mondays at 06:00 by default.</summary>
    public string Cron { get; set; } = "0 6 * * 1";

    /// <summary>Payouts created per run and currency at most (a run that hits it leaves the rest to the next).</summary>
    public int MaxPayoutsPerRun { get; set; } = 10_000;

    public PayoutStripeOptions Stripe { get; set; } = new();

    /// <summary>The minimum for a currency, in minor units (at least 1: a payout is never of nothing).</summary>
    public long MinimumMinor(string currency)
    {
        var minimum = MinimumByCurrency.TryGetValue(currency, out var own) ? own : Minimum;
        var minor = CurrencyUnits.TryToMinor(decimal.Round(minimum, CurrencyUnits.DecimalsOf(currency), MidpointRounding.ToPositiveInfinity), currency, out var value) ? value : long.MaxValue;
        return Math.Max(1, minor);
    }
}

internal sealed class PayoutStripeOptions
{
    /// <summary>The platform's secret key (sk_…); empty: Stripe payouts are off and every payout is manual.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>Where Stripe's API is (a local stand-in in tests).</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Timeout of one call to Stripe.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
