using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Users.Buyers.VerifyBuyerLoginCode;

/// <summary>Anyone signs in with a phone and its texted code; the first success registers the buyer.</summary>
internal sealed record VerifyBuyerLoginCodeCommand(string Phone, string Code, ClientFacts Client) : ICommand<Outcome<SignedInSession>>
{
    public static VerifyBuyerLoginCodeCommand From(VerifyBuyerLoginCodeRequest request) =>
        new(request.Phone.Trim(), request.Code.Trim(), ClientFacts.From(request.Client));
}
