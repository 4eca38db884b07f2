using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Media;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>
/// Tells the Media module which of its assets a store shows (<c>store_media_changed.v1</c>, with the store's version),
/// whenever the logo or banner changes, so assets no store or product shows any more can be deleted.
/// </summary>
internal static class StoreMedia
{
    /// <summary>The Media asset ids among the store's logo and banner (external URLs are not assets).</summary>
    public static IReadOnlyList<Guid> AssetIds(Store store) =>
        new[] { store.Logo, store.Banner }
            .Where(r => !string.IsNullOrEmpty(r))
            .Select(r => MediaReference.FromStored(r!).AssetId)
            .OfType<Guid>()
            .Distinct()
            .ToList();

    public static void Publish(SellersDbContext db, Store store, DateTimeOffset now) =>
        db.AddEvent(new StoreMediaChanged(store.Id, store.SellerId, AssetIds(store), store.Version, now));
}
