using NetTopologySuite.Geometries;

namespace Marketplace.Modules.Sellers.Domain;

internal static class StoreStatus
{
    public const string Active = "ACTIVE";
    public const string Closed = "CLOSED";
    public const string Suspended = "SUSPENDED";
}

/// <summary>A seller's storefront. <see cref="Location"/> is a PostGIS geography point (SRID 4326, x = longitude).</summary>
internal sealed class Store
{
    public Guid Id { get; set; }

    public Guid SellerId { get; set; }

    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Description { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public string Address { get; set; } = "";

    public Point Location { get; set; } = null!;

    public double ServiceRadiusKm { get; set; }

    public string Status { get; set; } = StoreStatus.Active;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
