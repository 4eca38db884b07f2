using Marketplace.Modules.Users.Auth;
using Mediator;

namespace Marketplace.Modules.Users.Addresses.DeleteAddress;

/// <summary>The signed-in buyer removes one of their addresses; answers its id.</summary>
internal sealed record DeleteAddressCommand(SignedInUser Buyer, Guid AddressId) : ICommand<Guid>;
