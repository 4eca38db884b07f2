using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Products.GetVariant;

internal sealed class GetVariantHandler(CatalogDbContext db, ProductViews views) : IQueryHandler<GetVariantQuery, FoundVariant?>
{
    public async ValueTask<FoundVariant?> Handle(GetVariantQuery query, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(query.Id, out var variantId))
            return null;
        var productId = await db.Variants.AsNoTracking().Where(v => v.Id == variantId).Select(v => (Guid?)v.ProductId).FirstOrDefaultAsync(cancellationToken);
        return productId is { } id ? await FoundVariant.VisibleAsync(db, views, id, variantId, query.Viewer, cancellationToken) : null;
    }
}
