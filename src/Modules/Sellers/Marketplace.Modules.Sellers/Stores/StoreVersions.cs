using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>
/// Every effective change of a store adds one to its version; a change of a listing fact (name, slug, location, service
/// radius, status) also publishes <c>store_updated.v1</c> with that version, in the same transaction, so consumers can
/// ignore states older than the one they hold.
/// </summary>
internal static class StoreVersions
{
    public static void Next(SellersDbContext db, Store store, TimeProvider clock, bool publish)
    {
        store.Version++;
        store.UpdatedAt = clock.GetUtcNow();
        if (publish)
        {
            db.AddEvent(new StoreUpdated(
                store.Id, store.SellerId, store.Name, store.Slug, store.Location.Y, store.Location.X, store.ServiceRadiusKm, store.Status, store.Version, store.UpdatedAt));
        }
    }
}
