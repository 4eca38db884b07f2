using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Inventory.Stock;
using Mediator;

namespace Marketplace.Modules.Inventory.Reservations.Reserve;

/// <summary>A module (checkout) holds stock for a holder: all lines or none, replacing the holder's earlier hold.</summary>
internal sealed record ReserveCommand(Actor Actor, string HolderId, IReadOnlyList<StockLineInput> Lines, int TtlSeconds) : ICommand<ReserveResult>
{
    public static ReserveCommand From(Actor actor, ReserveRequest request) => new(
        actor,
        InventoryInput.Text(request.HolderId),
        request.Lines.Select(l => new StockLineInput(InventoryInput.Id(l.VariantId), l.Quantity)).ToList(),
        request.TtlSeconds);

    /// <summary>The distinct variants, in the one lock order.</summary>
    public IReadOnlyList<Guid> VariantIds => StockLedger.Order(Lines.Where(l => l.VariantId is not null).Select(l => l.VariantId!.Value)).ToList();
}

/// <summary>
/// <see cref="Reserved"/>: every line is held until <see cref="ExpiresAt"/>. Otherwise nothing changed and each line
/// says why (<see cref="ReserveStatus"/>).
/// </summary>
internal sealed record ReserveResult(bool Reserved, DateTimeOffset? ExpiresAt, IReadOnlyList<ReserveLineResult> Lines);

internal sealed record ReserveLineResult(Guid VariantId, int Quantity, string Status, int Available);

internal static class ReserveStatus
{
    public const string Reserved = "RESERVED";

    /// <summary>The line could have been held, but another line could not (so nothing was).</summary>
    public const string Available = "AVAILABLE";

    public const string InsufficientStock = "INSUFFICIENT_STOCK";

    public const string UnknownVariant = "UNKNOWN_VARIANT";
}
