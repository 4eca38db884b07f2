using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Feed.GetFeedItem;

internal sealed class GetFeedItemHandler(NotificationsDbContext db) : IQueryHandler<GetFeedItemQuery, FeedEntry?>
{
    public async ValueTask<FeedEntry?> Handle(GetFeedItemQuery query, CancellationToken cancellationToken) =>
        await db.FeedOf(query.UserId).Where(n => n.Id == query.Id).FirstOrDefaultAsync(cancellationToken) is { } notification
            ? FeedEntry.Of(notification)
            : null;
}
