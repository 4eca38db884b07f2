using System.Text.Json;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Notifications.Sending;

/// <summary>
/// One Hangfire job per (notification, channel). It sends only after claiming the delivery row in one UPDATE
/// (Queued/Retrying, or Sending whose lease ran out), so a retried or duplicated job finds it claimed or Sent and
/// does nothing. Transient failures throw, and Hangfire retries with exponential backoff (Jobs:FirstRetryDelay × 2ⁿ).
/// </summary>
internal sealed partial class DeliveryJob(
    NotificationsDbContext db,
    TemplateCatalog templates,
    IEnumerable<IChannelSender> senders,
    NotificationsOptions options,
    TimeProvider clock,
    ILogger<DeliveryJob> logger)
{
    public async Task RunAsync(Guid deliveryId)
    {
        var cancellationToken = CancellationToken.None;
        // A consumer enqueues before its transaction commits; give the row a moment to appear.
        if (!await WaitForRowAsync(deliveryId, cancellationToken))
            throw new DeliveryPendingException($"Delivery {deliveryId} is not committed yet.");

        var now = clock.GetUtcNow();
        var leaseUntil = now + options.DeliveryLease;
        var claimed = await db.Deliveries
            .Where(d => d.Id == deliveryId && (d.State == DeliveryState.Queued || d.State == DeliveryState.Retrying || (d.State == DeliveryState.Sending && d.LeaseUntil < now)))
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.State, DeliveryState.Sending)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.LeaseUntil, leaseUntil)
                    .SetProperty(d => d.UpdatedAt, now),
                cancellationToken);
        if (claimed == 0)
        {
            LogNotClaimed(logger, deliveryId);
            return;
        }

        // The claim bypassed the change tracker: read the row as it now is, never a copy tracked earlier.
        db.ChangeTracker.Clear();
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var notification = await db.Notifications.SingleAsync(n => n.Id == delivery.NotificationId, cancellationToken);
        var sender = senders.FirstOrDefault(s => s.Channel == delivery.Channel);
        SendResult result;
        if (sender is null)
        {
            result = SendResult.Permanent($"NO_SENDER: channel {delivery.Channel} is not available");
        }
        else
        {
            var data = notification.DataJson is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(notification.DataJson)!;
            try
            {
                result = await sender.SendAsync(new DeliveryWork(delivery, notification, templates.Definition(notification.Template), data, templates), cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TimeoutException or TaskCanceledException)
            {
                result = SendResult.Transient($"{exception.GetType().Name}: {exception.Message}", null);
            }
        }

        await RecordAsync(delivery, notification, result, cancellationToken);
        if (result.Outcome == SendOutcome.Transient && delivery.State == DeliveryState.Retrying)
            throw new DeliveryRetryException($"Delivery {deliveryId} ({delivery.Channel}) attempt {delivery.Attempts} failed: {result.Reason}");
    }

    private async Task RecordAsync(Delivery delivery, Notification notification, SendResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        delivery.UpdatedAt = now;
        delivery.LeaseUntil = null;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                delivery.State = DeliveryState.Sent;
                delivery.SentAt = now;
                delivery.LastError = null;
                LogSent(logger, delivery.Id, delivery.Channel, notification.Template, delivery.Attempts);
                break;
            case SendOutcome.Permanent:
                delivery.State = DeliveryState.Failed;
                delivery.LastError = Truncate(result.Reason);
                LogFailed(logger, delivery.Id, delivery.Channel, notification.Template, delivery.LastError);
                break;
            default:
                delivery.State = delivery.Attempts >= options.MaxAttempts ? DeliveryState.Failed : DeliveryState.Retrying;
                delivery.LastError = Truncate(result.Reason);
                LogRetry(logger, delivery.Id, delivery.Channel, delivery.Attempts, delivery.LastError);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);

        // The data may hold a secret link: once no delivery of this notification can need it, it is purged.
        if (delivery.State is DeliveryState.Sent or DeliveryState.Failed)
        {
            var open = await db.Deliveries.AnyAsync(d => d.NotificationId == notification.Id && d.State != DeliveryState.Sent && d.State != DeliveryState.Failed, cancellationToken);
            if (!open)
                await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.DataJson, (string?)null), cancellationToken);
        }
    }

    private async Task<bool> WaitForRowAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(10);
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            if (await db.Deliveries.AnyAsync(d => d.Id == deliveryId, cancellationToken))
                return true;
            if (clock.GetUtcNow() > deadline)
                return false;
            await Task.Delay(delay, clock, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    private static string? Truncate(string? reason) => reason is null ? null : reason.Length <= 1000 ? reason : reason[..1000];

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} already claimed or finished; nothing to do")]
    private static partial void LogNotClaimed(ILogger logger, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} sent by {Channel} ({Template}, attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, Guid deliveryId, Channel channel, string template, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} by {Channel} ({Template}) failed for good: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, Channel channel, string template, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} by {Channel} attempt {Attempt} failed, will retry: {Reason}")]
    private static partial void LogRetry(ILogger logger, Guid deliveryId, Channel channel, int attempt, string? reason);
}

/// <summary>Makes Hangfire retry the job with its exponential backoff.</summary>
internal sealed class DeliveryRetryException(string message) : Exception(message);

internal sealed class DeliveryPendingException(string message) : Exception(message);
