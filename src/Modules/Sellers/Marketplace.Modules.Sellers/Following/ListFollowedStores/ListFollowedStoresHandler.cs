using System.Globalization;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Following.ListFollowedStores;

/// <summary>
/// The key is "followedAt-microseconds:storeId"; the next page starts strictly after it in (followed_at DESC, store_id
/// DESC) order, so ties page without gaps or duplicates. Follows of stores that are closed or suspended are kept (they
/// show again when the store reopens) but not listed.
/// </summary>
internal sealed class ListFollowedStoresHandler(SellersDbContext db) : IQueryHandler<ListFollowedStoresQuery, Page<FollowedStoreView>>
{
    private const long MaxMicroseconds = 253_402_300_799_999_999; // 9999-12-31T23:59:59.999999Z

    public async ValueTask<Page<FollowedStoreView>> Handle(ListFollowedStoresQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.Size(query.First, StoreRules.DefaultPageSize, StoreRules.MaxPageSize);
        var (hasCursor, afterTime, afterStore) = ParseKey(query.After);
        var follows = await db.Follows
            .FromSql($"""
                SELECT f.* FROM sellers.store_follows f
                JOIN sellers.stores s ON s.id = f.store_id AND s.status = 'ACTIVE'
                WHERE f.user_id = {query.UserId} AND (NOT {hasCursor} OR (f.followed_at, f.store_id) < ({afterTime}, {afterStore}))
                ORDER BY f.followed_at DESC, f.store_id DESC
                LIMIT {size + 1}
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var ids = follows.Select(f => f.StoreId).ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var items = follows
            .Where(f => stores.ContainsKey(f.StoreId))
            .Select(f => new FollowedStoreView(
                new StoreView(stores[f.StoreId], ViewerIsFollowing: true, ShowSuspensionReason: stores[f.StoreId].SellerId == query.UserId), f.FollowedAt, KeyOf(f)))
            .ToList();
        return Paging.FromSlice(items, size);
    }

    private static string KeyOf(StoreFollow follow) =>
        ((follow.FollowedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10).ToString(CultureInfo.InvariantCulture) + ":" + follow.StoreId;

    private static (bool HasCursor, DateTimeOffset AfterTime, Guid AfterStore) ParseKey(string after)
    {
        if (after.Length == 0)
            return (false, DateTimeOffset.UnixEpoch, Guid.Empty);
        var parts = after.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var micros) || !Guid.TryParse(parts[1], out var store)
            || micros > MaxMicroseconds)
            throw ContractError.InvalidArgument(CommonErrorCodes.InvalidCursor, "The cursor is not one this API returned.", [new FieldViolation("after", "The cursor is not one this API returned.", CommonErrorCodes.InvalidCursor)]);
        return (true, DateTimeOffset.UnixEpoch.AddTicks(micros * 10), store);
    }
}
