using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Products.GetProducts;

/// <summary>One query for the products and one Sellers call for their stores' status, whatever the number of ids.</summary>
internal sealed class GetProductsHandler(CatalogDbContext db, ProductViews views) : IQueryHandler<GetProductsQuery, List<Product>>
{
    public async ValueTask<List<Product>> Handle(GetProductsQuery query, CancellationToken cancellationToken)
    {
        var keys = query.Ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        if (keys.Count == 0)
            return [];
        var found = await db.Products.AsNoTracking().Include(p => p.Variants).Where(p => keys.Contains(p.Id)).ToListAsync(cancellationToken);
        return await views.VisibleAsync(found, query.Viewer, cancellationToken);
    }
}
