using Hangfire;
using Marketplace.Modules.Sellers.Payouts.RunPayouts;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Sellers.Jobs;

/// <summary>
/// The recurring payout run (<c>Modules:Sellers:Payouts:Cron</c>, weekly by default). Runs of one host never overlap;
/// two hosts (or a run and an administrator's payoutRunStart) may overlap safely: each payout is decided under a lock per
/// seller and currency, so it is created once.
/// </summary>
internal sealed class PayoutRunJob(ISender mediator)
{
    public const string RecurringId = "sellers:payout-run";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        using var _ = CallContext.Push(new CallContext(Caller.Service(SellersModule.ModuleName), CallContext.NewCorrelationId()));
        await mediator.Send(new RunPayoutsCommand(null, ""));
    }
}
