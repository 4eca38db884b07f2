using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Domain;
using Mediator;

namespace Marketplace.Modules.Users.Sellers.FindSellerByEmail;

/// <summary>A module looks a seller up by email (normalised; null when it is not an address we accept).</summary>
internal sealed record FindSellerByEmailQuery(string? Email) : IQuery<User?>
{
    public static FindSellerByEmailQuery From(FindSellerByEmailRequest request) => new(EmailAddresses.Normalize(request.Email));
}
