namespace Marketplace.Modules.Catalog.Domain;

/// <summary>A point on the earth, WGS 84 degrees, as a request gives it (checked by the validators).</summary>
internal sealed record Coordinates(double Latitude, double Longitude);
