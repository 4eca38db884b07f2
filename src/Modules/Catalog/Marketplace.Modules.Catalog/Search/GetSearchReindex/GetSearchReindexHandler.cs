using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Search.GetSearchReindex;

internal sealed class GetSearchReindexHandler(CatalogDbContext db) : IQueryHandler<GetSearchReindexQuery, SearchReindex?>
{
    public async ValueTask<SearchReindex?> Handle(GetSearchReindexQuery query, CancellationToken cancellationToken) =>
        Guid.TryParse(query.Id, out var id) ? await db.Set<SearchReindex>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) : null;
}
