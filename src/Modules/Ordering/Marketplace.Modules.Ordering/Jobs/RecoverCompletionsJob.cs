using Hangfire;
using Marketplace.Modules.Ordering.Checkouts.RecoverCompletions;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.Jobs;

/// <summary>
/// The recovery job (every minute by default; runs never overlap): completions left COMPLETING for longer than
/// <c>Recovery:StaleAfter</c> died with their process and are undone — payment voided, stock given back, checkout FAILED —
/// in batches, each its own transaction. Never a charged buyer without an order.
/// </summary>
internal sealed class RecoverCompletionsJob(ISender mediator, OrderingOptions options, TimeProvider clock, ILogger<RecoverCompletionsJob> logger)
{
    public const string RecurringId = "ordering:recover-completions";
    private const int MaxBatchesPerRun = 20;

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        using var _ = CallContext.Push(new CallContext(Caller.Service(OrderingModule.ModuleName), CallContext.NewCorrelationId()));
        var total = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var undone = await mediator.Send(new RecoverCompletionsCommand(clock.GetUtcNow() - options.Recovery.StaleAfter, options.Recovery.BatchSize));
            total += undone;
            if (undone < options.Recovery.BatchSize)
                break;
        }

        if (total > 0)
            logger.LogWarning("Recovered {Count} checkouts left completing: payments voided, stock given back", total);
    }
}
