using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>
/// Who may see which store, and the reader-dependent facts of a page of stores: ACTIVE stores to everyone, the others
/// only to their seller, administrators and modules; whether the reader follows each store is found with one query
/// per page, so a page of stores costs no extra query per store.
/// </summary>
internal sealed class StoreViews(SellersDbContext db)
{
    public static bool Visible(Store store, Viewer viewer) => store.Status == StoreStatus.Active || viewer.OwnsOrPrivileged(store.SellerId);

    public async Task<StoreView> OneAsync(Store store, Viewer viewer, CancellationToken cancellationToken) =>
        (await ManyAsync([store], viewer, cancellationToken))[0];

    public async Task<List<StoreView>> ManyAsync(IReadOnlyList<Store> stores, Viewer viewer, CancellationToken cancellationToken)
    {
        var followed = viewer.UserId is { } userId ? await FollowedAmongAsync(userId, stores.Select(s => s.Id).ToList(), cancellationToken) : [];
        return stores.Select(s => new StoreView(s, followed.Contains(s.Id), viewer.OwnsOrPrivileged(s.SellerId))).ToList();
    }

    private async Task<HashSet<Guid>> FollowedAmongAsync(Guid userId, List<Guid> storeIds, CancellationToken cancellationToken)
    {
        if (storeIds.Count == 0)
            return [];
        var followed = await db.Follows.AsNoTracking()
            .Where(f => f.UserId == userId && storeIds.Contains(f.StoreId))
            .Select(f => f.StoreId)
            .ToListAsync(cancellationToken);
        return [.. followed];
    }
}
