using System.Globalization;

namespace Marketplace.Shared.Contracts;

/// <summary>
/// Instants in contract messages: ISO-8601 text in UTC with microseconds (PostgreSQL's precision) and a <c>Z</c>, e.g.
/// <c>2026-11-24T03:50:27.123456Z</c>. One format everywhere, so values compare as text and parse back exactly.
/// </summary>
public static class Timestamps
{
    public static string Format(DateTimeOffset instant) =>
        Truncate(instant).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Drops what PostgreSQL would not keep (ticks below a microsecond).</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % 10));
}
