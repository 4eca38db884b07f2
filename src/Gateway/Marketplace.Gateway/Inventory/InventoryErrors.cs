using Marketplace.Gateway.Errors;
using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Inventory;

/// <summary>The codes of the inventory mutations' userErrors: <c>InventoryErrorCode</c> and <c>InventoryUserError</c>.</summary>
internal sealed class InventoryErrors : IErrorCodeArea
{
    public static string Prefix => "Inventory";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(InventoryErrorCodes)];
}
