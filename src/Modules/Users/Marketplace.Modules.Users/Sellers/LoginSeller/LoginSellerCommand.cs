using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Users.Sellers.LoginSeller;

/// <summary>
/// Anyone signs in with an email (normalised; empty when it is not one we accept, which no account has) and a password.
/// No validator: every attempt, however malformed, is counted like any other.
/// </summary>
internal sealed record LoginSellerCommand(string Email, string Password, ClientFacts Client) : ICommand<Outcome<SignedInSession>>
{
    public static LoginSellerCommand From(LoginSellerRequest request) =>
        new(EmailAddresses.Normalize(request.Email) ?? "", request.Password, ClientFacts.From(request.Client));
}
