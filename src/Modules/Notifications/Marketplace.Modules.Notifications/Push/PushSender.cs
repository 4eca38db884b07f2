using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Notifications.Push;

/// <summary>
/// Push to every active device of the user. Each device that FCM accepted is recorded (push_sends), so a retried
/// job sends only to the devices still missing; dead tokens are deactivated on the spot.
/// </summary>
internal sealed partial class PushSender(FcmClient fcm, NotificationsDbContext db, TimeProvider clock, ILogger<PushSender> logger) : IChannelSender
{
    public Channel Channel => Channel.Push;

    public async Task<SendResult> SendAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        if (!fcm.Enabled)
            return SendResult.Permanent("PUSH_DISABLED: no FCM service-account key configured");
        var userId = work.Notification.UserId!.Value;
        var done = await db.PushSends.Where(s => s.DeliveryId == work.Delivery.Id).Select(s => s.DeviceTokenId).ToListAsync(cancellationToken);
        var devices = await db.DeviceTokens.Where(d => d.UserId == userId && d.Active && !done.Contains(d.Id)).ToListAsync(cancellationToken);
        if (devices.Count == 0)
            return done.Count > 0 ? SendResult.Sent : SendResult.Permanent("NO_DEVICE: the user has no active push token");

        var rendered = work.Render(work.Data);
        var data = new Dictionary<string, string> { ["notificationId"] = work.Notification.Id.ToString(), ["kind"] = work.Notification.Template };
        SendResult? retry = null;
        var failures = new List<string>();
        foreach (var device in devices)
        {
            var result = await fcm.SendAsync(new PushMessage(device.Token, rendered.Subject, rendered.Text.Trim(), data), cancellationToken);
            switch (result.Outcome)
            {
                case FcmOutcome.Sent:
                    db.PushSends.Add(new PushSend { DeliveryId = work.Delivery.Id, DeviceTokenId = device.Id, SentAt = clock.GetUtcNow() });
                    done.Add(device.Id);
                    break;
                case FcmOutcome.TokenInvalid:
                    device.Active = false;
                    device.InvalidReason = result.Reason;
                    LogDeactivated(logger, device.Id, device.Platform, result.Reason);
                    failures.Add($"{device.DeviceId}: {result.Reason}");
                    break;
                case FcmOutcome.Retry:
                    retry = SendResult.Transient(result.Reason ?? "FCM retry", result.RetryAfter);
                    break;
                default:
                    failures.Add($"{device.DeviceId}: {result.Reason}");
                    break;
            }

            // Saved per device, so what went out is known even if the next device's call crashes the job.
            await db.SaveChangesAsync(cancellationToken);
        }

        if (retry is not null)
            return retry;
        return done.Count > 0 ? SendResult.Sent : SendResult.Permanent(string.Join("; ", failures));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push token {DeviceTokenId} ({Platform}) deactivated: {Reason}")]
    private static partial void LogDeactivated(ILogger logger, Guid deviceTokenId, string platform, string? reason);
}
