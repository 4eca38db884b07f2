using NetTopologySuite.Geometries;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>PostGIS geography points (SRID 4326; x = longitude, y = latitude).</summary>
internal static class StoreGeography
{
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    public static Point Point(double latitude, double longitude) => Factory.CreatePoint(new Coordinate(longitude, latitude));

    public static Point Point(Domain.Coordinates coordinates) => Point(coordinates.Latitude, coordinates.Longitude);
}
