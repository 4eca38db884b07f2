namespace Marketplace.Modules.Sellers.Domain;

/// <summary>A point as a request gives it, WGS 84 degrees (validated before use).</summary>
internal sealed record Coordinates(double Latitude, double Longitude);
