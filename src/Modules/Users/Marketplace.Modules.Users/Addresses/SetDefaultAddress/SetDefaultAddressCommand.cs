using Marketplace.Modules.Users.Auth;
using Mediator;

namespace Marketplace.Modules.Users.Addresses.SetDefaultAddress;

/// <summary>The signed-in buyer makes one of their addresses the default.</summary>
internal sealed record SetDefaultAddressCommand(SignedInUser Buyer, Guid AddressId) : ICommand<Address>;
