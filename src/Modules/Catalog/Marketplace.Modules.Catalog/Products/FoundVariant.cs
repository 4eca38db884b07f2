using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>A variant found, with the product it belongs to.</summary>
internal sealed record FoundVariant(Product Product, Guid VariantId)
{
    /// <summary>The variant's product when <paramref name="viewer"/> may see it (a variant of a hidden product is not found either).</summary>
    public static async Task<FoundVariant?> VisibleAsync(
        CatalogDbContext db, ProductViews views, Guid productId, Guid variantId, Viewer viewer, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        return product is not null && await views.OneAsync(product, viewer, cancellationToken) is { } visible ? new FoundVariant(visible, variantId) : null;
    }
}
