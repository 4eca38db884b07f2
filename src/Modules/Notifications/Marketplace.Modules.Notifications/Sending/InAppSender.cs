using Marketplace.Modules.Notifications.Domain;

namespace Marketplace.Modules.Notifications.Sending;

/// <summary>In-app: the feed row is the message; its delivery tells live subscribers (after the row committed).</summary>
internal sealed class InAppSender(FeedBroadcaster feed) : IChannelSender
{
    public Channel Channel => Channel.InApp;

    public Task<SendResult> SendAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        feed.Publish(work.Notification);
        return Task.FromResult(SendResult.Sent);
    }
}
