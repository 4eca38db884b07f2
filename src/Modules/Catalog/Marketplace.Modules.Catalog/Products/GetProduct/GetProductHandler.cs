using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Products.GetProduct;

internal sealed class GetProductHandler(CatalogDbContext db, ProductViews views) : IQueryHandler<GetProductQuery, Product?>
{
    public async ValueTask<Product?> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        Product? product;
        if (query.Slug.Length > 0)
        {
            if (!ProductSlugs.IsWellFormed(query.Slug))
                return null;
            product = await db.Products.AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Slug == query.Slug, cancellationToken);
        }
        else
        {
            if (!Guid.TryParse(query.Id, out var id))
                return null;
            product = await db.Products.AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        }

        return product is null ? null : await views.OneAsync(product, query.Viewer, cancellationToken);
    }
}
