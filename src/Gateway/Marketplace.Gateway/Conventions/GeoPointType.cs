using GraphQL.Types;
using GeoPoint = Marketplace.Shared.Contracts.V1.GeoPoint;

namespace Marketplace.Gateway.Conventions;

/// <summary><c>GeoPoint</c>: a point on the earth in WGS 84 degrees (the common contract message).</summary>
internal sealed class GeoPointType : ObjectGraphType<GeoPoint>
{
    public GeoPointType()
    {
        Name = "GeoPoint";
        Description = "A point on the earth, WGS 84 degrees.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Degrees north, -90 to 90.").Resolve(c => c.Source.Latitude);
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Degrees east, -180 to 180.").Resolve(c => c.Source.Longitude);
    }
}
