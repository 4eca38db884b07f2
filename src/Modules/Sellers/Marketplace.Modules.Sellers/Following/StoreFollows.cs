using System.Globalization;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using StoreEntity = Marketplace.Modules.Sellers.Domain.Store;

namespace Marketplace.Modules.Sellers.Following;

/// <summary>
/// Users following stores. A follow and the store's <see cref="StoreEntity.FollowersCount"/> change in one transaction
/// that first locks the store's row, so follows and unfollows of one store apply one at a time: the count stays exact
/// under concurrency, a repeated follow or unfollow changes nothing (the primary key is user + store), and the events
/// are published only for a follow really created or removed.
/// </summary>
internal sealed class StoreFollows(SellersDbContext db, TimeProvider clock)
{
    private const int MaxPageSize = 100;
    private const long MaxMicroseconds = 253_402_300_799_999_999; // 9999-12-31T23:59:59.999999Z

    public async Task<(bool Changed, StoreEntity Store)> FollowAsync(Guid userId, string id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var store = await LockAsync(id, cancellationToken);
        if (store.Status != StoreStatus.Active)
            throw ContractError.FailedPrecondition("STORE_NOT_ACTIVE", "Only open stores can be followed.");

        // PostgreSQL keeps microseconds: the stored time, the event's and the cursor's are the same.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var created = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO sellers.store_follows (user_id, store_id, followed_at) VALUES ({userId}, {store.Id}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (created == 0)
            return (false, store);

        await db.Database.ExecuteSqlAsync($"UPDATE sellers.stores SET followers_count = followers_count + 1 WHERE id = {store.Id}", cancellationToken);
        store.FollowersCount++;
        db.AddEvent(new StoreFollowed(store.Id, userId, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (true, store);
    }

    /// <summary>Unfollowing works whatever the store's status (a closed store can still be left).</summary>
    public async Task<(bool Changed, StoreEntity Store)> UnfollowAsync(Guid userId, string id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var store = await LockAsync(id, cancellationToken);
        var removed = await db.Database.ExecuteSqlAsync(
            $"DELETE FROM sellers.store_follows WHERE user_id = {userId} AND store_id = {store.Id}", cancellationToken);
        if (removed == 0)
            return (false, store);

        await db.Database.ExecuteSqlAsync($"UPDATE sellers.stores SET followers_count = followers_count - 1 WHERE id = {store.Id}", cancellationToken);
        store.FollowersCount--;
        db.AddEvent(new StoreUnfollowed(store.Id, userId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (true, store);
    }

    /// <summary>Which of <paramref name="storeIds"/> the user follows: one query for a whole page of stores.</summary>
    public async Task<HashSet<Guid>> FollowedAmongAsync(Guid userId, IReadOnlyCollection<Guid> storeIds, CancellationToken cancellationToken)
    {
        if (storeIds.Count == 0)
            return [];
        var followed = await db.Follows.AsNoTracking()
            .Where(f => f.UserId == userId && storeIds.Contains(f.StoreId))
            .Select(f => f.StoreId)
            .ToListAsync(cancellationToken);
        return [.. followed];
    }

    /// <summary>
    /// The user's followed ACTIVE stores, newest follow first. The key is "followedAt-microseconds:storeId"; the next page
    /// starts strictly after it in (followed_at DESC, store_id DESC) order, so ties page without gaps or duplicates.
    /// Follows of stores that are closed or suspended are kept (they show again when the store reopens) but not listed.
    /// </summary>
    public async Task<(List<(StoreEntity Store, DateTimeOffset FollowedAt, string Key)> Items, bool HasNext)> ListAsync(
        Guid userId, int first, string after, CancellationToken cancellationToken)
    {
        first = first <= 0 ? 20 : Math.Min(first, MaxPageSize);
        var afterTime = DateTimeOffset.UnixEpoch; // unused without a cursor
        var afterStore = Guid.Empty;
        var hasCursor = after.Length > 0;
        if (hasCursor)
        {
            var parts = after.Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var micros) || !Guid.TryParse(parts[1], out afterStore)
                || micros > MaxMicroseconds)
                throw ContractError.InvalidArgument("INVALID_CURSOR", "The cursor is not one this API returned.");
            afterTime = DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
        }

        var follows = await db.Follows
            .FromSql($"""
                SELECT f.* FROM sellers.store_follows f
                JOIN sellers.stores s ON s.id = f.store_id AND s.status = 'ACTIVE'
                WHERE f.user_id = {userId} AND (NOT {hasCursor} OR (f.followed_at, f.store_id) < ({afterTime}, {afterStore}))
                ORDER BY f.followed_at DESC, f.store_id DESC
                LIMIT {first + 1}
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var ids = follows.Select(f => f.StoreId).ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var items = follows
            .Where(f => stores.ContainsKey(f.StoreId))
            .Select(f => (stores[f.StoreId], f.FollowedAt, KeyOf(f)))
            .ToList();
        return (items.Take(first).ToList(), items.Count > first);
    }

    private static string KeyOf(StoreFollow follow) =>
        ((follow.FollowedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10).ToString(CultureInfo.InvariantCulture) + ":" + follow.StoreId;

    /// <summary>Locks the store's row (not its key: creating follows elsewhere is not held up) for this transaction.</summary>
    private async Task<StoreEntity> LockAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var storeId))
            throw NotFound();
        var rows = await db.Stores.FromSql($"SELECT * FROM sellers.stores WHERE id = {storeId} FOR NO KEY UPDATE").AsNoTracking().ToListAsync(cancellationToken);
        return rows.SingleOrDefault() ?? throw NotFound();
    }

    private static Grpc.Core.RpcException NotFound() => ContractError.NotFound("STORE_NOT_FOUND", "No such store.");
}
