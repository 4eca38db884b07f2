using Marketplace.Gateway.Errors;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary>The codes of the order lifecycle mutations' userErrors: <c>OrderErrorCode</c> and <c>OrderUserError</c>.</summary>
internal sealed class OrderErrors : IErrorCodeArea
{
    public static string Prefix => "Order";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(OrderingErrorCodes)];
}
