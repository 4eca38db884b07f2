using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sellers.GetSellerStatus;

internal sealed class GetSellerStatusHandler(UsersDbContext db) : IQueryHandler<GetSellerStatusQuery, SellerStatus>
{
    public async ValueTask<SellerStatus> Handle(GetSellerStatusQuery query, CancellationToken cancellationToken)
    {
        if (query.UserId is not { } id)
            return new SellerStatus(false, false);
        var seller = await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.Role == Roles.Seller, cancellationToken);
        return new SellerStatus(seller is not null, seller?.EmailVerifiedAt is not null);
    }
}
