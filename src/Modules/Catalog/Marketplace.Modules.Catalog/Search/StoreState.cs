using System.Globalization;
using Npgsql;

namespace Marketplace.Modules.Catalog.Search;

/// <summary>A store's listing facts as Sellers published them (or as its contract answered, version 0).</summary>
internal sealed record StoreState(Guid Id, Guid SellerId, string Name, string Slug, double Latitude, double Longitude, double ServiceRadiusKm, string Status, long Version)
{
    public void Bind(NpgsqlParameterCollection parameters)
    {
        parameters.AddWithValue("id", Id);
        parameters.AddWithValue("sellerId", SellerId);
        parameters.AddWithValue("name", Name);
        parameters.AddWithValue("slug", Slug);
        parameters.AddWithValue("lon", Longitude);
        parameters.AddWithValue("lat", Latitude);
        parameters.AddWithValue("radius", ServiceRadiusKm);
        parameters.AddWithValue("status", Status);
        parameters.AddWithValue("version", Version);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"store {Id} v{Version} {Status}");
}
