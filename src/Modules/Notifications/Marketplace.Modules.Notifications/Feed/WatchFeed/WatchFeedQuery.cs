using Marketplace.Modules.Notifications.Domain;
using Mediator;

namespace Marketplace.Modules.Notifications.Feed.WatchFeed;

/// <summary>The user's new feed entries as they are stored, until cancelled (at most once; the feed is the source of truth).</summary>
internal sealed record WatchFeedQuery(Guid UserId) : IStreamQuery<FeedEntry>;
