using Marketplace.Modules.Ordering.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.Jobs;

/// <summary>
/// After a start (perhaps after a crash), completions that were already running when this process started are recovered
/// as soon as they are stale rather than at the next scheduled run: passes every quarter of <c>StaleAfter</c> until none
/// of them is left, within twice <c>StaleAfter</c>. Off with <c>Recovery:RunAtStart=false</c>.
/// </summary>
internal sealed class RecoverAtStart(IServiceScopeFactory scopes, OrderingOptions options, TimeProvider clock, ILogger<RecoverAtStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Recovery.RunAtStart)
            return;
        var started = clock.GetUtcNow();
        var pause = TimeSpan.FromTicks(Math.Max(options.Recovery.StaleAfter.Ticks / 4, TimeSpan.FromMilliseconds(200).Ticks));
        try
        {
            while (!stoppingToken.IsCancellationRequested && clock.GetUtcNow() - started < options.Recovery.StaleAfter * 2 + TimeSpan.FromSeconds(1))
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RecoverCompletionsJob>().RunAsync();
                var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
                if (!await db.Checkouts.AnyAsync(c => c.Status == Domain.CheckoutStatus.Completing && c.CompletingStartedAt < started, stoppingToken))
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
