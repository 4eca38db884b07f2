using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Taxonomy.GetCategories;

internal sealed class GetCategoriesHandler(CatalogDbContext db) : IQueryHandler<GetCategoriesQuery, List<Category>>
{
    public async ValueTask<List<Category>> Handle(GetCategoriesQuery query, CancellationToken cancellationToken)
    {
        var keys = query.Ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        return keys.Count == 0 ? [] : await db.Categories.AsNoTracking().Where(c => keys.Contains(c.Id)).ToListAsync(cancellationToken);
    }
}
