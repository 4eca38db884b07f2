using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Addresses.ListAddresses;

internal sealed class ListAddressesHandler(UsersDbContext db, SessionService sessions) : IQueryHandler<ListAddressesQuery, AddressPage>
{
    public async ValueTask<AddressPage> Handle(ListAddressesQuery query, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(query.Buyer, cancellationToken);
        var size = Paging.Size(query.First, ListAddressesQuery.DefaultPageSize, ListAddressesQuery.MaxPageSize);
        // Small by construction (at most MaxAddressesPerBuyer): ordered in memory, default first, then by creation (UUIDv7).
        var all = (await db.Set<Address>().AsNoTracking().Where(a => a.UserId == query.Buyer.UserId).ToListAsync(cancellationToken))
            .OrderByDescending(a => a.IsDefault).ThenBy(a => a.Id).ToList();
        var start = 0;
        if (Guid.TryParse(query.After, out var afterId) && all.FindIndex(a => a.Id == afterId) is var index and >= 0)
            start = index + 1;
        var page = Paging.FromSlice(all.Skip(start).Take(size + 1).ToList(), size);
        return new AddressPage(page.Items, page.HasNextPage, all.Count);
    }
}
