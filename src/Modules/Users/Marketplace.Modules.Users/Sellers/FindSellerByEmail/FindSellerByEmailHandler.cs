using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sellers.FindSellerByEmail;

/// <summary>The verified holder of the address first; unverified claims of it may be several (the oldest then).</summary>
internal sealed class FindSellerByEmailHandler(UsersDbContext db) : IQueryHandler<FindSellerByEmailQuery, User?>
{
    public async ValueTask<User?> Handle(FindSellerByEmailQuery query, CancellationToken cancellationToken) =>
        query.Email is not { } email
            ? null
            : await db.Set<User>().AsNoTracking().Where(u => u.Email == email && u.Role == Roles.Seller)
                .OrderByDescending(u => u.EmailVerifiedAt != null).ThenBy(u => u.CreatedAt).FirstOrDefaultAsync(cancellationToken);
}
