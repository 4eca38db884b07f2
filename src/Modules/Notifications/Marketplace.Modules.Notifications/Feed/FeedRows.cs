using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Feed;

/// <summary>A user's feed rows, and the errors that go with them. Nobody reaches another user's rows through these.</summary>
internal static class FeedRows
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The user's feed entries, untracked.</summary>
    public static IQueryable<Notification> FeedOf(this NotificationsDbContext db, Guid userId) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.InFeed);

    public static Grpc.Core.RpcException NotFound() => ContractError.NotFound(NotificationsErrorCodes.NotificationNotFound, "No such notification.");

    /// <summary>A notification id as text: anything that is not a UUID names no notification.</summary>
    public static Guid ParseId(string id) => Guid.TryParse(id, out var notificationId) ? notificationId : throw NotFound();
}
