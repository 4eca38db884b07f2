using System.Globalization;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Persistence;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Modules.Sellers.Stores.StoresNear;

/// <summary>
/// Ordered by geodesic distance (PostGIS <c>ST_Distance</c> on geography, the radius through <c>ST_DWithin</c> on the GiST
/// index) then id, so ties page stably. The key is "distance:id" with the distance in round-trip form: the next page
/// starts strictly after that pair.
/// </summary>
internal sealed class StoresNearHandler(SellersDbContext db, StoreViews views) : IQueryHandler<StoresNearQuery, Page<NearbyStoreView>>
{
    private const string Sql = """
        WITH origin AS (SELECT ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography AS g),
        near AS (
            SELECT s.id, ST_Distance(s.location, origin.g) AS distance
            FROM sellers.stores s, origin
            WHERE s.status = 'ACTIVE' AND ST_DWithin(s.location, origin.g, @radius))
        SELECT id, distance FROM near
        WHERE @afterDistance::double precision IS NULL OR (distance, id) > (@afterDistance::double precision, @afterId)
        ORDER BY distance, id
        LIMIT @limit
        """;

    public async ValueTask<Page<NearbyStoreView>> Handle(StoresNearQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.Size(query.First, StoreRules.DefaultPageSize, StoreRules.MaxPageSize);
        var (afterDistance, afterId) = ParseKey(query.After);
        var rows = await db.ReadAsync(
            Sql,
            p =>
            {
                p.AddWithValue("lon", query.Location.Longitude);
                p.AddWithValue("lat", query.Location.Latitude);
                p.AddWithValue("radius", query.RadiusKm * 1000);
                p.Add(new NpgsqlParameter("afterDistance", NpgsqlDbType.Double) { Value = (object?)afterDistance ?? DBNull.Value });
                p.AddWithValue("afterId", afterId);
                p.AddWithValue("limit", size + 1);
            },
            r => (Id: r.GetGuid(0), Distance: r.GetDouble(1)),
            cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var found = rows.Where(r => stores.ContainsKey(r.Id)).ToList();
        var page = Paging.FromSlice(found, size);
        var viewed = await views.ManyAsync(page.Items.Select(r => stores[r.Id]).ToList(), query.Viewer, cancellationToken);
        return new Page<NearbyStoreView>(
            page.Items.Select((r, i) => new NearbyStoreView(viewed[i], r.Distance, KeyOf(r.Id, r.Distance))).ToList(),
            page.HasNextPage);
    }

    private static string KeyOf(Guid id, double distance) => distance.ToString("R", CultureInfo.InvariantCulture) + ":" + id;

    private static (double? Distance, Guid Id) ParseKey(string after)
    {
        if (after.Length == 0)
            return (null, Guid.Empty);
        var parts = after.Split(':');
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var distance) || !Guid.TryParse(parts[1], out var id))
            throw ContractError.InvalidArgument(CommonErrorCodes.InvalidCursor, "The cursor is not one this API returned.", [new FieldViolation("after", "The cursor is not one this API returned.", CommonErrorCodes.InvalidCursor)]);
        return (distance, id);
    }
}
