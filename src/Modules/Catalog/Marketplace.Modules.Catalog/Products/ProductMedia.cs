using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Media;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>
/// Tells the Media module which of its assets a product shows (<c>product_media_changed.v1</c>, with the product's
/// version) whenever its images change, so assets no store or product shows any more can be deleted.
/// </summary>
internal static class ProductMedia
{
    /// <summary>The Media asset ids among the product's images, in display order (external URLs are not assets).</summary>
    public static IReadOnlyList<Guid> AssetIds(Product product) =>
        product.Images.Select(i => MediaReference.TryParse(i, out var reference, out _) ? reference.AssetId : null).OfType<Guid>().Distinct().ToList();

    public static void Publish(CatalogDbContext db, Product product, DateTimeOffset now) =>
        db.AddEvent(new ProductMediaChanged(product.Id, product.StoreId, AssetIds(product), product.Version, now));
}
