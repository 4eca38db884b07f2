using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Sending;
using Mediator;

namespace Marketplace.Modules.Notifications.Feed.WatchFeed;

/// <summary>Subscribes to the user's live subject (<see cref="FeedBroadcaster"/>): entries published by any replica.</summary>
internal sealed class WatchFeedHandler(FeedBroadcaster feed) : IStreamQueryHandler<WatchFeedQuery, FeedEntry>
{
    public IAsyncEnumerable<FeedEntry> Handle(WatchFeedQuery query, CancellationToken cancellationToken) => feed.WatchAsync(query.UserId, cancellationToken);
}
