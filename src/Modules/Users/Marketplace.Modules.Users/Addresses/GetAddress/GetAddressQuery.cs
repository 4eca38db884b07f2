using Marketplace.Modules.Users.Auth;
using Mediator;

namespace Marketplace.Modules.Users.Addresses.GetAddress;

/// <summary>
/// One address of <see cref="OwnerId"/>: the signed-in buyer's own (<see cref="Buyer"/> set, their session checked), or
/// the buyer a module names (e.g. Ordering at checkout).
/// </summary>
internal sealed record GetAddressQuery(Guid OwnerId, Guid AddressId, SignedInUser? Buyer) : IQuery<Address>;
