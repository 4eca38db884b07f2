using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Users.Sellers.RequestPasswordReset;

/// <summary>Anyone asks for a reset link for an address; the answer is the same whether it has an account.</summary>
internal sealed record RequestPasswordResetCommand(string Email, ClientFacts Client) : ICommand<Unit>
{
    public static RequestPasswordResetCommand From(RequestPasswordResetRequest request) => new(request.Email.Trim(), ClientFacts.From(request.Client));
}
