using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Following.ListStoreFollowers;

/// <summary>
/// Keyset paging on the user id (the follows' primary key is (user, store), and a store's follows are found through
/// the store_id index): a page of a thousand followers is one query, however many pages came before.
/// </summary>
internal sealed class ListStoreFollowersHandler(SellersDbContext db) : IQueryHandler<ListStoreFollowersQuery, StoreFollowersPage?>
{
    public const int DefaultPageSize = 500;
    public const int MaxPageSize = 1000;

    public async ValueTask<StoreFollowersPage?> Handle(ListStoreFollowersQuery query, CancellationToken cancellationToken)
    {
        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.StoreId, cancellationToken);
        if (store is null)
            return null;
        var size = Paging.Size(query.First, DefaultPageSize, MaxPageSize);
        var hasCursor = query.After is not null;
        var after = query.After ?? Guid.Empty;
        var followers = await db.Database
            .SqlQuery<Guid>($"""
                SELECT f.user_id AS "Value" FROM sellers.store_follows f
                WHERE f.store_id = {query.StoreId} AND f.user_id <> {store.SellerId} AND (NOT {hasCursor} OR f.user_id > {after})
                ORDER BY f.user_id
                LIMIT {size + 1}
                """)
            .ToListAsync(cancellationToken);
        return new StoreFollowersPage(new StoreView(store, ViewerIsFollowing: false, ShowSuspensionReason: true), Paging.FromSlice(followers, size));
    }
}
