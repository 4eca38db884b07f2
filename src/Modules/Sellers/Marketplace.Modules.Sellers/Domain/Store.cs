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

    /// <summary>Lower-case tags chosen by the seller (at most <see cref="Persistence.StoreRules.MaxCategories"/>).</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Sorted by day, then opening time; empty when the seller publishes none.</summary>
    public List<OpeningInterval> OpeningHours { get; set; } = [];

    /// <summary>Media references as stored (<c>MediaReference.Value</c>): an asset id or an HTTPS URL.</summary>
    public string? Logo { get; set; }

    public string? Banner { get; set; }

    public string Status { get; set; } = StoreStatus.Active;

    /// <summary>Why an administrator suspended the store; null unless SUSPENDED.</summary>
    public string? SuspensionReason { get; set; }

    /// <summary>The status a reinstatement returns to (ACTIVE or CLOSED); null unless SUSPENDED.</summary>
    public string? StatusBeforeSuspension { get; set; }

    /// <summary>1 at creation, +1 with every change; the version carried by store_updated.v1.</summary>
    public long Version { get; set; } = 1;

    /// <summary>Maintained with each follow and unfollow, in the same transaction.</summary>
    public long FollowersCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One opening interval: <see cref="Day"/> MONDAY..SUNDAY, times "HH:mm" with opens &lt; closes.</summary>
internal sealed record OpeningInterval(string Day, string Opens, string Closes);

/// <summary>A user follows a store. Who follows is never shown to the seller; only the count is.</summary>
internal sealed class StoreFollow
{
    public Guid UserId { get; set; }

    public Guid StoreId { get; set; }

    public DateTimeOffset FollowedAt { get; set; }
}
