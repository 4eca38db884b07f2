using Hangfire;
using Marketplace.Modules.Inventory.Reservations.ExpireHolds;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Inventory.Jobs;

/// <summary>
/// The recurring sweeper (every minute by default): ends holds past their expiry in batches, each its own transaction,
/// until a batch comes back short or the run's bound is reached (the next run goes on). Runs never overlap
/// (<see cref="DisableConcurrentExecutionAttribute"/>: a second run waits for the first's lock, then finds little left),
/// and readers and reservations already ignore expired holds, so a late sweep only delays the bookkeeping.
/// </summary>
internal sealed class ExpireHoldsJob(ISender mediator, InventoryOptions options, ILogger<ExpireHoldsJob> logger)
{
    public const string RecurringId = "inventory:expire-holds";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        var total = 0;
        for (var batch = 0; batch < options.Sweeper.MaxBatchesPerRun; batch++)
        {
            var ended = await mediator.Send(new ExpireHoldsCommand(options.Sweeper.BatchSize));
            total += ended;
            if (ended < options.Sweeper.BatchSize)
                break;
        }

        if (total > 0)
            logger.LogInformation("Ended {Count} expired holds", total);
    }
}
