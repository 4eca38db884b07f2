using Marketplace.Gateway.Errors;
using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Sellers;

/// <summary>The codes of the payout mutations' userErrors: <c>PayoutErrorCode</c> and <c>PayoutUserError</c>.</summary>
internal sealed class PayoutErrors : IErrorCodeArea
{
    public static string Prefix => "Payout";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(PayoutErrorCodes)];
}
