using Marketplace.Gateway.Errors;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary>
/// The codes of the sign-in, account, session and profile mutations' userErrors: <c>AccountErrorCode</c> and
/// <c>AccountUserError</c>.
/// </summary>
internal sealed class AccountErrors : IErrorCodeArea
{
    public static string Prefix => "Account";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(UsersErrorCodes)];
}
