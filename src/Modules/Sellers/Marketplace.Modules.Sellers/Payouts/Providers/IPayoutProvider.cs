using Marketplace.Modules.Sellers.Domain;

namespace Marketplace.Modules.Sellers.Payouts.Providers;

/// <summary>What became of a payout handed to its provider.</summary>
internal enum PayoutOutcomeKind
{
    /// <summary>Nothing known yet: an administrator will say (manual), or the provider could not be reached (retried).</summary>
    Pending,
    Paid,
    Failed,
}

/// <summary><paramref name="Text"/>: the provider's reference when paid, why when failed.</summary>
internal sealed record PayoutOutcome(PayoutOutcomeKind Kind, string Text = "")
{
    public static readonly PayoutOutcome Pending = new(PayoutOutcomeKind.Pending);
}

/// <summary>
/// How money reaches a seller (docs/payouts.md, "Providers"). A payout is created PENDING with its PAYOUT entry in one
/// transaction first; the provider is called after that commit, and its answer is recorded in another. A provider must be
/// idempotent by payout id: a run that died after calling it calls it again.
/// </summary>
internal interface IPayoutProvider
{
    /// <summary>MANUAL or STRIPE (the payout's <c>provider</c>).</summary>
    string Name { get; }

    Task<PayoutOutcome> SubmitAsync(Payout payout, CancellationToken cancellationToken);
}

/// <summary>An administrator pays by other means (a bank transfer) and marks the payout paid or failed.</summary>
internal sealed class ManualPayoutProvider : IPayoutProvider
{
    public string Name => PayoutProvider.Manual;

    public Task<PayoutOutcome> SubmitAsync(Payout payout, CancellationToken cancellationToken) => Task.FromResult(PayoutOutcome.Pending);
}
