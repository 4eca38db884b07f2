using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Following.FollowStore;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Following.UnfollowStore;

/// <summary>As following: on the locked store row, the count exact, <c>store_unfollowed.v1</c> only for a removed follow.</summary>
internal sealed class UnfollowStoreHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<UnfollowStoreCommand, FollowResult>
{
    public async ValueTask<FollowResult> Handle(UnfollowStoreCommand command, CancellationToken cancellationToken)
    {
        var store = await db.LockForFollowAsync(command.StoreId, cancellationToken);
        var removed = await db.Database.ExecuteSqlAsync(
            $"DELETE FROM sellers.store_follows WHERE user_id = {command.UserId} AND store_id = {store.Id}", cancellationToken);
        if (removed > 0)
        {
            await db.Database.ExecuteSqlAsync($"UPDATE sellers.stores SET followers_count = followers_count - 1 WHERE id = {store.Id}", cancellationToken);
            store.FollowersCount--;
            db.AddEvent(new StoreUnfollowed(store.Id, command.UserId, clock.GetUtcNow()));
        }

        var viewer = new Viewer(command.UserId, IsPrivileged: false);
        var view = StoreViews.Visible(store, viewer) ? new StoreView(store, ViewerIsFollowing: false, ShowSuspensionReason: viewer.OwnsOrPrivileged(store.SellerId)) : null;
        return new FollowResult(removed > 0, view);
    }
}
