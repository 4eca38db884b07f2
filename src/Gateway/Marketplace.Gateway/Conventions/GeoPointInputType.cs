using GraphQL.Types;

namespace Marketplace.Gateway.Conventions;

/// <summary><c>GeoPointInput</c>; read it with <see cref="InputObject.GeoPoint"/> or <see cref="InputObject.ReadGeoPoint"/>.</summary>
internal sealed class GeoPointInputType : InputObjectGraphType
{
    public GeoPointInputType()
    {
        Name = "GeoPointInput";
        Description = "A point on the earth, WGS 84 degrees.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Degrees north, -90 to 90.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Degrees east, -180 to 180.");
    }
}
