using Hangfire;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Orders.Lifecycle;
using Marketplace.Modules.Ordering.Orders.Lifecycle.MoveStaleOrders;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.Jobs;

/// <summary>
/// The expiry job (every 5 minutes by default): orders PLACED for longer than <c>Lifecycle:AcceptWithin</c> EXPIRE — stock
/// back, card hold let go — in batches, each its own transaction, then their side effects. Runs never overlap on one
/// Hangfire server, and two hosts each claim other orders (<c>SKIP LOCKED</c>).
/// </summary>
internal sealed class ExpireOrdersJob(ISender mediator, OrderEffectRunner effects, OrderingOptions options, TimeProvider clock, ILogger<ExpireOrdersJob> logger)
{
    public const string RecurringId = "ordering:expire-orders";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        var moved = await OrderLifecycleJobs.MoveAsync(
            mediator, effects, options, [OrderStatus.Placed], OrderStatus.Expired, clock.GetUtcNow() - options.Lifecycle.AcceptWithin, "Not accepted in time.");
        if (moved > 0)
            logger.LogInformation("Expired {Count} orders nobody accepted within {AcceptWithin}", moved, options.Lifecycle.AcceptWithin);
    }
}

/// <summary>
/// The completion job (hourly by default): DELIVERED and PICKED_UP orders whose return window
/// (<c>Lifecycle:ReturnWindow</c>) has passed become COMPLETED, as <see cref="ExpireOrdersJob"/> does.
/// </summary>
internal sealed class CompleteOrdersJob(ISender mediator, OrderEffectRunner effects, OrderingOptions options, TimeProvider clock, ILogger<CompleteOrdersJob> logger)
{
    public const string RecurringId = "ordering:complete-orders";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        var moved = await OrderLifecycleJobs.MoveAsync(
            mediator, effects, options, [OrderStatus.Delivered, OrderStatus.PickedUp], OrderStatus.Completed, clock.GetUtcNow() - options.Lifecycle.ReturnWindow, null);
        if (moved > 0)
            logger.LogInformation("Completed {Count} orders past their return window", moved);
    }
}

/// <summary>
/// The effects job (every minute by default): side effects of transitions still pending <c>Lifecycle:EffectsRetryAfter</c>
/// after they were written (the process that moved the order died before doing them) or due again after a failure.
/// </summary>
internal sealed class OrderEffectsJob(OrderEffectRunner effects, OrderingOptions options)
{
    public const string RecurringId = "ordering:order-effects";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        using var _ = CallContext.Push(new CallContext(Caller.Service(OrderingModule.ModuleName), CallContext.NewCorrelationId()));
        for (var batch = 0; batch < OrderLifecycleJobs.MaxBatchesPerRun; batch++)
        {
            if (await effects.RunDueAsync(options.Lifecycle.BatchSize, CancellationToken.None) < options.Lifecycle.BatchSize)
                break;
        }
    }
}

internal static class OrderLifecycleJobs
{
    public const int MaxBatchesPerRun = 20;

    public static async Task<int> MoveAsync(
        ISender mediator, OrderEffectRunner effects, OrderingOptions options, IReadOnlyList<string> from, string to, DateTimeOffset before, string? reason)
    {
        using var _ = CallContext.Push(new CallContext(Caller.Service(OrderingModule.ModuleName), CallContext.NewCorrelationId()));
        var total = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var moved = await mediator.Send(new MoveStaleOrdersCommand(from, to, before, options.Lifecycle.BatchSize, reason));
            total += moved.Count;
            await effects.RunForOrdersAsync(moved, CancellationToken.None);
            if (moved.Count < options.Lifecycle.BatchSize)
                break;
        }

        return total;
    }
}
