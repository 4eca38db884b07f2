using Marketplace.Modules.Users.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Users.Auth.UnlockSignIn;

/// <summary>
/// An administrator (or a module) clears a spent cap of failures: a phone's code sign-in, or else an address's password
/// sign-in. Answers whether anything was locked.
/// </summary>
internal sealed record UnlockSignInCommand(string Phone, string Email) : ICommand<bool>
{
    public static UnlockSignInCommand From(UnlockSignInRequest request) => new(request.Phone.Trim(), request.Email.Trim());
}
