using Marketplace.Gateway.Errors;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary>The codes of the checkout mutations' userErrors: <c>CheckoutErrorCode</c> and <c>CheckoutUserError</c>.</summary>
internal sealed class CheckoutErrors : IErrorCodeArea
{
    public static string Prefix => "Checkout";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(OrderingErrorCodes)];
}
