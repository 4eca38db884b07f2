using Marketplace.Modules.Ordering.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.Jobs;

/// <summary>
/// After a start (perhaps after a crash), completions that were already running when this process started are recovered
/// as soon as they are stale rather than at the next scheduled run, and the side effects of order transitions left
/// pending are done as soon as they are due: passes every quarter of <c>StaleAfter</c> until none of them is left,
/// within twice the longer of <c>StaleAfter</c> and <c>Lifecycle:EffectsRetryAfter</c>. Off with <c>Recovery:RunAtStart=false</c>.
/// </summary>
internal sealed class RecoverAtStart(IServiceScopeFactory scopes, OrderingOptions options, TimeProvider clock, ILogger<RecoverAtStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Recovery.RunAtStart)
            return;
        var started = clock.GetUtcNow();
        var pause = TimeSpan.FromTicks(Math.Max(options.Recovery.StaleAfter.Ticks / 4, TimeSpan.FromMilliseconds(200).Ticks));
        var within = TimeSpan.FromTicks(Math.Max(options.Recovery.StaleAfter.Ticks, options.Lifecycle.EffectsRetryAfter.Ticks)) * 2 + TimeSpan.FromSeconds(1);
        try
        {
            while (!stoppingToken.IsCancellationRequested && clock.GetUtcNow() - started < within)
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RecoverCompletionsJob>().RunAsync();
                await scope.ServiceProvider.GetRequiredService<OrderEffectsJob>().RunAsync();
                var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
                if (!await db.Checkouts.AnyAsync(c => c.Status == Domain.CheckoutStatus.Completing && c.CompletingStartedAt < started, stoppingToken)
                    && !await db.OrderEffects.AnyAsync(e => e.DoneAt == null && e.CreatedAt < started, stoppingToken))
                    return;
                await Task.Delay(pause, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "The recovery pass at start failed; the scheduled job will retry");
        }
    }
}
