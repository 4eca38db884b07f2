using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Stores.DeliversTo;

/// <summary>Geodesic: PostGIS <c>ST_DWithin</c> on geography against the store's own radius.</summary>
internal sealed class DeliversToHandler(SellersDbContext db) : IQueryHandler<DeliversToQuery, DeliveryAnswer?>
{
    private const string Sql = """
        WITH origin AS (SELECT ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography AS g)
        SELECT ST_DWithin(s.location, origin.g, s.service_radius_km * 1000), ST_Distance(s.location, origin.g)
        FROM sellers.stores s, origin WHERE s.id = @id
        """;

    public async ValueTask<DeliveryAnswer?> Handle(DeliversToQuery query, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(query.StoreId, out var storeId))
            return null;
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        if (store is null || !StoreViews.Visible(store, query.Viewer))
            return null;
        var rows = await db.ReadAsync(
            Sql,
            p =>
            {
                p.AddWithValue("lon", query.Location.Longitude);
                p.AddWithValue("lat", query.Location.Latitude);
                p.AddWithValue("id", storeId);
            },
            r => new DeliveryAnswer(r.GetBoolean(0), r.GetDouble(1)),
            cancellationToken);
        return rows.SingleOrDefault();
    }
}
