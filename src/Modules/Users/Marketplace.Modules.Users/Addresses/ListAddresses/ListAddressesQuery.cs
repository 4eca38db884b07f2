using Marketplace.Modules.Users.Auth;
using Mediator;

namespace Marketplace.Modules.Users.Addresses.ListAddresses;

/// <summary>The signed-in buyer's address book, default first, then oldest first; <see cref="After"/> is an address id.</summary>
internal sealed record ListAddressesQuery(SignedInUser Buyer, int First, string After) : IQuery<AddressPage>
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}

/// <summary>A page of addresses and how many the buyer has in all.</summary>
internal sealed record AddressPage(IReadOnlyList<Address> Items, bool HasNextPage, int TotalCount);
