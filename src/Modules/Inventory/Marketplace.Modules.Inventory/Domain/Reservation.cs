namespace Marketplace.Modules.Inventory.Domain;

/// <summary>
/// A holder's hold on units of one variant until <see cref="ExpiresAt"/>. ACTIVE rows are what <see cref="StockLevel.Reserved"/>
/// sums; a hold ends RELEASED (released or replaced), EXPIRED (the sweeper, or a reservation that needed the units) or
/// COMMITTED (turned into an allocation).
/// </summary>
internal sealed class Reservation
{
    public Guid Id { get; set; }

    public string HolderId { get; set; } = "";

    public Guid VariantId { get; set; }

    public int Quantity { get; set; }

    public string Status { get; set; } = ReservationStatus.Active;

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The order it was committed to.</summary>
    public string? OrderId { get; set; }
}

internal static class ReservationStatus
{
    public const string Active = "ACTIVE";
    public const string Released = "RELEASED";
    public const string Expired = "EXPIRED";
    public const string Committed = "COMMITTED";
}
