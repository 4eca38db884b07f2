using Marketplace.Modules.Notifications.Domain;
using Mediator;

namespace Marketplace.Modules.Notifications.Feed.GetFeedItem;

/// <summary>One entry of the user's own feed; null when there is none with that id in it.</summary>
internal sealed record GetFeedItemQuery(Guid UserId, Guid Id) : IQuery<FeedEntry?>;
