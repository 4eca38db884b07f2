using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Buyers.FindBuyerByPhone;

internal sealed class FindBuyerByPhoneHandler(UsersDbContext db, PhoneNumberNormalizer phones) : IQueryHandler<FindBuyerByPhoneQuery, User?>
{
    public async ValueTask<User?> Handle(FindBuyerByPhoneQuery query, CancellationToken cancellationToken) =>
        phones.Normalize(query.Phone) is not { } phone
            ? null
            : await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Phone == phone && u.Role == Roles.Buyer, cancellationToken);
}
