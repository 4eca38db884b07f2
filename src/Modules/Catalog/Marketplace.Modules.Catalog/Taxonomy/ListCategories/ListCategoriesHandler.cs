using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Taxonomy.ListCategories;

internal sealed class ListCategoriesHandler(CatalogDbContext db) : IQueryHandler<ListCategoriesQuery, List<Category>>
{
    public async ValueTask<List<Category>> Handle(ListCategoriesQuery query, CancellationToken cancellationToken) =>
        CategoryTree.InTreeOrder(await db.Categories.AsNoTracking().ToListAsync(cancellationToken));
}
