using Marketplace.Modules.Catalog.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>
/// Who may see which product: buyers, visitors and other sellers see ACTIVE products of ACTIVE stores; the product's
/// seller, administrators and modules see any status. Whether stores are ACTIVE is asked of the Sellers contract once per
/// page of products.
/// </summary>
internal sealed class ProductViews(StoreAccess stores)
{
    public async Task<Product?> OneAsync(Product product, Viewer viewer, CancellationToken cancellationToken) =>
        (await VisibleAsync([product], viewer, cancellationToken)).FirstOrDefault();

    public async Task<List<Product>> VisibleAsync(IReadOnlyList<Product> products, Viewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.IsPrivileged)
            return [.. products];
        var own = products.Where(p => viewer.UserId == p.SellerId).ToHashSet();
        var candidates = products.Where(p => !own.Contains(p) && p.Status == ProductStatus.Active).ToList();
        var active = await stores.ActiveAsync(candidates.Select(p => p.StoreId), cancellationToken);
        return products.Where(p => own.Contains(p) || (p.Status == ProductStatus.Active && active.Contains(p.StoreId))).ToList();
    }

    /// <summary>
    /// Whether the reader sees every product of a store, any status: administrators and modules, and the seller who runs it
    /// (<paramref name="viewerSells"/>: the reader is a seller, so the Sellers contract is asked only then).
    /// </summary>
    public async Task<bool> SeesEverythingOfAsync(Guid storeId, Viewer viewer, bool viewerSells, CancellationToken cancellationToken) =>
        viewer.IsPrivileged || (viewerSells && viewer.UserId is { } userId && await stores.IsOwnerAsync(storeId, userId, cancellationToken));
}
