using Marketplace.Modules.Media.Lifecycle.DeleteUnreferencedAssets;
using Marketplace.Modules.Media.Lifecycle.ExpireUploads;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Media.Lifecycle;

/// <summary>
/// Every <see cref="MediaLifecycleOptions.SweepInterval"/>: expires abandoned uploads, then deletes assets unreferenced
/// for the grace period, batch after batch, as the Media module. Each process sweeps; batches skip rows another process
/// holds, so several hosts share the work instead of repeating it.
/// </summary>
internal sealed partial class Housekeeping(IServiceScopeFactory scopes, MediaOptions options, ILogger<Housekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Lifecycle.SweepInterval);
        do
        {
            // Each sweep on its own: one failing (storage down) does not hold up the other.
            var expired = await SweepAsync(new ExpireUploadsCommand(), stoppingToken);
            var deleted = await SweepAsync(new DeleteUnreferencedAssetsCommand(), stoppingToken);
            if (expired + deleted > 0)
                LogSwept(logger, expired, deleted);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task<int> SweepAsync(ICommand<int> command, CancellationToken cancellationToken)
    {
        try
        {
            return await SweepBatchesAsync(command, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, command.GetType().Name, exception.GetType().Name, exception.Message);
            return 0;
        }
    }

    private async Task<int> SweepBatchesAsync(ICommand<int> command, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var context = CallContext.Push(new CallContext(Caller.Service(MediaModule.ModuleName), CallContext.NewCorrelationId()));
            var done = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
            total += done;
            if (done < options.Lifecycle.BatchSize)
                return total;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media housekeeping: {Expired} uploads expired, {Deleted} unreferenced assets deleted")]
    private static partial void LogSwept(ILogger logger, int expired, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media housekeeping {Sweep} failed ({Type}): {Reason}; retrying at the next sweep")]
    private static partial void LogFailed(ILogger logger, string sweep, string type, string reason);
}
