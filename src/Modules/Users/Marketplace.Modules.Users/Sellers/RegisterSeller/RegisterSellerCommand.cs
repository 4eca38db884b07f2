using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Users.Sellers.RegisterSeller;

/// <summary>Anyone registers a seller account (signed in at once; selling waits for the verified address).</summary>
internal sealed record RegisterSellerCommand(string Email, string Password, string DisplayName, ClientFacts Client) : ICommand<SignedInSession>
{
    public static RegisterSellerCommand From(RegisterSellerRequest request) =>
        new(request.Email.Trim(), request.Password, request.DisplayName.Trim(), ClientFacts.From(request.Client));
}
