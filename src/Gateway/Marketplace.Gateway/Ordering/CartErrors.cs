using Marketplace.Gateway.Errors;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary>The codes of the cart mutations' userErrors: <c>CartErrorCode</c> and <c>CartUserError</c>.</summary>
internal sealed class CartErrors : IErrorCodeArea
{
    public static string Prefix => "Cart";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(OrderingErrorCodes)];
}
