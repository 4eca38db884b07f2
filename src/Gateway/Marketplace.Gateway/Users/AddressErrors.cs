using Marketplace.Gateway.Errors;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary>The codes of the address-book mutations' userErrors: <c>AddressErrorCode</c> and <c>AddressUserError</c>.</summary>
internal sealed class AddressErrors : IErrorCodeArea
{
    public static string Prefix => "Address";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(UsersErrorCodes.Addresses)];
}
