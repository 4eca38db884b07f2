using Marketplace.Gateway.Errors;
using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Sellers;

/// <summary>The codes of the store mutations' userErrors: <c>StoreErrorCode</c> and <c>StoreUserError</c>.</summary>
internal sealed class StoreErrors : IErrorCodeArea
{
    public static string Prefix => "Store";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(SellersErrorCodes)];
}
