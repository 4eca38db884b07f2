using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Taxonomy.GetCategory;

internal sealed class GetCategoryHandler(CatalogDbContext db) : IQueryHandler<GetCategoryQuery, Category?>
{
    public async ValueTask<Category?> Handle(GetCategoryQuery query, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(query.Id, out var id))
            return await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var slug = query.Slug.Trim().ToLowerInvariant();
        return slug.Length == 0 ? null : await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
    }
}
