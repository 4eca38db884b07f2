using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Following.FollowStore;

/// <summary>
/// The follow and the store's followers count change in one transaction that first locks the store's row, so follows of
/// one store apply one at a time: the count stays exact under concurrency, a repeated follow changes nothing (the key is
/// user + store), and <c>store_followed.v1</c> is published only for a follow really created.
/// </summary>
internal sealed class FollowStoreHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<FollowStoreCommand, FollowResult>
{
    public async ValueTask<FollowResult> Handle(FollowStoreCommand command, CancellationToken cancellationToken)
    {
        var store = await db.LockForFollowAsync(command.StoreId, cancellationToken);
        if (store.Status != StoreStatus.Active)
            throw ContractError.FailedPrecondition(SellersErrorCodes.StoreNotActive, "Only open stores can be followed.");

        // PostgreSQL keeps microseconds: the stored time, the event's and the cursor's are the same.
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var created = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO sellers.store_follows (user_id, store_id, followed_at) VALUES ({command.UserId}, {store.Id}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (created == 0)
            return new FollowResult(false, Viewed(store, command.UserId));

        await db.Database.ExecuteSqlAsync($"UPDATE sellers.stores SET followers_count = followers_count + 1 WHERE id = {store.Id}", cancellationToken);
        store.FollowersCount++;
        db.AddEvent(new StoreFollowed(store.Id, command.UserId, now));
        return new FollowResult(true, Viewed(store, command.UserId));
    }

    private static StoreView Viewed(Store store, Guid userId) => new(store, ViewerIsFollowing: true, ShowSuspensionReason: store.SellerId == userId);
}
