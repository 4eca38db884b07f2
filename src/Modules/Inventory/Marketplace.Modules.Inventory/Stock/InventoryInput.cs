using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Inventory.Stock;

/// <summary>Contract texts as commands carry them.</summary>
internal static class InventoryInput
{
    /// <summary>A variant id as text; null when it is not a UUID (validators report it).</summary>
    public static Guid? Id(string text) => Guid.TryParse(text, out var id) ? id : null;

    /// <summary>A variant a seller names: anything that is not a UUID names no variant.</summary>
    public static Guid VariantId(string text) => Guid.TryParse(text, out var id) ? id : throw VariantNotFound();

    public static string Text(string? text) => (text ?? "").Trim();

    public static string Upper(string? text) => Text(text).ToUpperInvariant();

    public static Grpc.Core.RpcException VariantNotFound() => ContractError.NotFound(InventoryErrorCodes.VariantNotFound, "No such variant.");

    public static Grpc.Core.RpcException NotOwner() => ContractError.PermissionDenied(CommonErrorCodes.NotOwner, "This variant belongs to another seller's store.");
}
