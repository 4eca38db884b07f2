using Marketplace.Modules.Users.Auth;
using Mediator;

namespace Marketplace.Modules.Users.Sellers.ResendSellerVerification;

/// <summary>The signed-in seller asks for a new verification link.</summary>
internal sealed record ResendSellerVerificationCommand(SignedInUser Seller, ClientFacts Client) : ICommand<Unit>;
