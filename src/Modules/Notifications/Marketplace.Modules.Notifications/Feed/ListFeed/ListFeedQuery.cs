using Marketplace.Modules.Notifications.Domain;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Notifications.Feed.ListFeed;

/// <summary>The user's feed, newest first, a page at a time (the key of an entry is its id), with its counts.</summary>
internal sealed record ListFeedQuery(Guid UserId, int First, string After) : IQuery<FeedPage>;

/// <summary>A page of the feed, how many entries the feed holds and how many of them are unread.</summary>
internal sealed record FeedPage(Page<FeedEntry> Page, int TotalCount, int UnreadCount);
