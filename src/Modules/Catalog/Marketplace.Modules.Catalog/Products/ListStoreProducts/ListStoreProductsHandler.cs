using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Products.ListStoreProducts;

/// <summary>
/// Newest first by the UUIDv7 id; the next page starts strictly below the last id. Readers who may not see the store's
/// drafts get ACTIVE products only, and none while the store is not ACTIVE.
/// </summary>
internal sealed class ListStoreProductsHandler(CatalogDbContext db, ProductViews views, StoreAccess stores) : IQueryHandler<ListStoreProductsQuery, StoreProductsPage>
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    private static readonly StoreProductsPage Empty = new(new Page<Product>([], false), 0);

    public async ValueTask<StoreProductsPage> Handle(ListStoreProductsQuery query, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(query.StoreId, out var storeId))
            return Empty;
        var status = query.Status;
        if (!await views.SeesEverythingOfAsync(storeId, query.Viewer, query.ViewerSells, cancellationToken))
        {
            if (status is ProductStatus.Draft or ProductStatus.Archived || !(await stores.ActiveAsync([storeId], cancellationToken)).Contains(storeId))
                return Empty;
            status = ProductStatus.Active;
        }

        var size = Paging.Size(query.First, DefaultPageSize, MaxPageSize);
        var products = db.Products.AsNoTracking().Where(p => p.StoreId == storeId);
        if (status.Length > 0)
            products = products.Where(p => p.Status == status);
        var total = await products.CountAsync(cancellationToken);
        if (Guid.TryParse(query.After, out var after))
            products = products.Where(p => p.Id.CompareTo(after) < 0);
        var rows = await products.OrderByDescending(p => p.Id).Take(size + 1).Include(p => p.Variants).AsSplitQuery().ToListAsync(cancellationToken);
        return new StoreProductsPage(Paging.FromSlice(rows, size), total);
    }
}
