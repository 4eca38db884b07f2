using Marketplace.Modules.Media.Assets.TakeStoredObject;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Media.Storage;

/// <summary>
/// S3 mode's event intake, the stand-in for a Lambda trigger: long-polls the queue the raw bucket notifies, and for
/// each ObjectCreated record under <c>raw/</c> takes the object (<see cref="TakeStoredObjectCommand"/>: idempotent per
/// object version, so S3's at-least-once delivery, duplicate records and the owner's own completion all start
/// processing once). A message is deleted only when all its records were handled; otherwise SQS redelivers it after the
/// visibility timeout (and its redrive policy parks a poison message).
/// </summary>
internal sealed partial class SqsUploadListener(SqsUploadEventSource source, S3StorageOptions s3, IServiceScopeFactory scopes, ILogger<SqsUploadListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var message in await source.ReceiveAsync(10, TimeSpan.FromSeconds(20), stoppingToken))
                {
                    var handled = true;
                    foreach (var created in message.Events.Where(e => e.Bucket == s3.RawBucket && e.Key.StartsWith(MediaKeys.RawPrefix, StringComparison.Ordinal)))
                        handled &= await TakeAsync(created, stoppingToken);
                    if (handled)
                        await source.AcknowledgeAsync(message, stoppingToken);
                }

                backoff = TimeSpan.FromSeconds(1);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogReceiveFailed(logger, exception.GetType().Name, exception.Message, backoff.TotalSeconds);
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromSeconds(Math.Min(backoff.TotalSeconds * 2, 60));
            }
        }
    }

    private async Task<bool> TakeAsync(ObjectCreatedEvent created, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var context = CallContext.Push(new CallContext(Caller.Service(MediaModule.ModuleName), CallContext.NewCorrelationId()));
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TakeStoredObjectCommand(created.Key), cancellationToken);
            if (result?.Refusal is { } refusal)
                LogRefused(logger, result.Asset.Id, refusal.Code, refusal.Message);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogTakeFailed(logger, created.Key, exception.GetType().Name, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving upload events failed ({Type}): {Reason}; retrying in {Seconds} s")]
    private static partial void LogReceiveFailed(ILogger logger, string type, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload of asset {AssetId} refused: {Code} {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid assetId, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload event for {Key} not handled ({Type}): {Reason}; the message will be redelivered")]
    private static partial void LogTakeFailed(ILogger logger, string key, string type, string reason);
}
