using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Users.Buyers.RequestBuyerLoginCode;

/// <summary>Anyone asks for a sign-in code for a phone; the answer is how long the code lives.</summary>
internal sealed record RequestBuyerLoginCodeCommand(string Phone, ClientFacts Client) : ICommand<TimeSpan>
{
    public static RequestBuyerLoginCodeCommand From(RequestBuyerLoginCodeRequest request) =>
        new(request.Phone.Trim(), ClientFacts.From(request.Client));
}
