using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Inventory.Contracts.V1;

namespace Marketplace.Gateway.Inventory;

/// <summary>What every inventory mutation answers: the level after the change, or the userErrors.</summary>
internal sealed record InventoryPayload(StockLevel? Inventory, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>
    /// Runs an inventory mutation: invalid input, broken rules (ON_HAND_CONFLICT, ON_HAND_BELOW_COMMITTED) and an unknown
    /// variant (<c>VARIANT_NOT_FOUND</c> on <c>variantId</c>) become userErrors; another seller's variant stays a top-level
    /// FORBIDDEN.
    /// </summary>
    public static async Task<InventoryPayload?> RunAsync(Func<Task<StockLevel>> call) =>
        await ContractCalls.PayloadAsync(async () => new InventoryPayload(await call(), []), errors => new InventoryPayload(null, errors), "variantId");
}

/// <summary>Names an inventory mutation's input and payload types (<c>InventorySetInput</c>, <c>InventorySetPayload</c>).</summary>
internal interface IInventoryMutation
{
    static abstract string TypePrefix { get; }
}

internal sealed class InventorySet : IInventoryMutation
{
    public static string TypePrefix => "InventorySet";
}

internal sealed class InventoryAdjust : IInventoryMutation
{
    public static string TypePrefix => "InventoryAdjust";
}

internal sealed class InventorySettingsUpdate : IInventoryMutation
{
    public static string TypePrefix => "InventorySettingsUpdate";
}
