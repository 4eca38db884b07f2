using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Feed.ListFeed;

/// <summary>Ids are UUIDv7, so id order is time order: the next page starts strictly below the last id.</summary>
internal sealed class ListFeedHandler(NotificationsDbContext db) : IQueryHandler<ListFeedQuery, FeedPage>
{
    public async ValueTask<FeedPage> Handle(ListFeedQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.Size(query.First, FeedRows.DefaultPageSize, FeedRows.MaxPageSize);
        var feed = db.FeedOf(query.UserId);
        var page = Guid.TryParse(query.After, out var after) ? feed.Where(n => n.Id.CompareTo(after) < 0) : feed;
        var rows = await page.OrderByDescending(n => n.Id).Take(size + 1).ToListAsync(cancellationToken);
        return new FeedPage(
            Paging.FromSlice(rows.Select(FeedEntry.Of).ToList(), size),
            await feed.CountAsync(cancellationToken),
            await feed.CountAsync(n => n.ReadAt == null, cancellationToken));
    }
}
