using Marketplace.Modules.Notifications.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Feed.MarkFeedRead;

internal sealed class MarkFeedReadHandler(NotificationsDbContext db, TimeProvider clock) : ICommandHandler<MarkFeedReadCommand, MarkFeedReadResult>
{
    public async ValueTask<MarkFeedReadResult> Handle(MarkFeedReadCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var unread = db.Notifications.Where(n => n.UserId == command.UserId && n.InFeed && n.ReadAt == null);
        var target = command.All ? unread : unread.Where(n => command.Ids.Contains(n.Id));
        var marked = await target.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return new MarkFeedReadResult(marked, await unread.CountAsync(cancellationToken));
    }
}
