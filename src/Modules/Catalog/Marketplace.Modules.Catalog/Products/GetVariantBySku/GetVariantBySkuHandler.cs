using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Products.GetVariantBySku;

/// <summary>Found through the unique index on (store, lower-case SKU).</summary>
internal sealed class GetVariantBySkuHandler(CatalogDbContext db, ProductViews views) : IQueryHandler<GetVariantBySkuQuery, FoundVariant?>
{
    public async ValueTask<FoundVariant?> Handle(GetVariantBySkuQuery query, CancellationToken cancellationToken)
    {
        var key = query.Sku.Trim().ToLowerInvariant();
        if (!Guid.TryParse(query.StoreId, out var storeId) || key.Length == 0)
            return null;
        var variant = await db.Variants.AsNoTracking().Where(v => v.StoreId == storeId && v.SkuKey == key)
            .Select(v => new { v.Id, v.ProductId }).FirstOrDefaultAsync(cancellationToken);
        return variant is null ? null : await FoundVariant.VisibleAsync(db, views, variant.ProductId, variant.Id, query.Viewer, cancellationToken);
    }
}
