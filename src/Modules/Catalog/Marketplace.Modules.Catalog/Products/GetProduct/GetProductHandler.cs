using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Products.GetProduct;

internal sealed class GetProductHandler(CatalogDbContext db, ProductViews views) : IQueryHandler<GetProductQuery, Product?>
{
    public async ValueTask<Product?> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(query.Id, out var id))
            return null;
        var product = await db.Products.AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return product is null ? null : await views.OneAsync(product, query.Viewer, cancellationToken);
    }
}
