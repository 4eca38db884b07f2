using Marketplace.Modules.Sellers.Domain;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>How request fields are normalised before validation: trimmed; slugs, emails and tags lower-cased.</summary>
internal static class StoreInput
{
    public static string Text(string raw) => raw.Trim();

    public static string Lower(string raw) => raw.Trim().ToLowerInvariant();

    public static Coordinates? Point(Marketplace.Shared.Contracts.V1.GeoPoint? point) =>
        point is null ? null : new Coordinates(point.Latitude, point.Longitude);

    public static List<string> Categories(IEnumerable<string> raw) => raw.Select(Lower).ToList();

    public static List<OpeningIntervalInput> Hours(IEnumerable<Contracts.V1.OpeningInterval> raw) =>
        raw.Select(i => new OpeningIntervalInput(i.Day, i.Opens, i.Closes)).ToList();
}
