using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>
/// Reading products with the visibility rule: buyers, visitors and other sellers see ACTIVE products of ACTIVE
/// stores; the seller of the product's store, administrators and modules see any status.
/// </summary>
internal sealed class ProductReader(CatalogDbContext db, StoreAccess stores)
{
    public const int MaxBatch = 200;
    public const int MaxPageSize = 100;

    public async Task<ProductEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var productId))
            return null;
        var product = await Products().FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        return product is null ? null : (await VisibleAsync([product], cancellationToken)).FirstOrDefault();
    }

    public async Task<List<ProductEntity>> GetManyAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        if (keys.Count > MaxBatch)
            throw ContractError.InvalidArgument("TOO_MANY_IDS", $"Ask for at most {MaxBatch} products at once.");
        if (keys.Count == 0)
            return [];
        var found = await Products().Where(p => keys.Contains(p.Id)).ToListAsync(cancellationToken);
        return await VisibleAsync(found, cancellationToken);
    }

    public async Task<(ProductEntity Product, Guid VariantId)?> GetBySkuAsync(string storeId, string sku, CancellationToken cancellationToken)
    {
        var key = sku.Trim().ToLowerInvariant();
        if (!Guid.TryParse(storeId, out var store) || key.Length == 0)
            return null;
        var variant = await db.Variants.AsNoTracking().Where(v => v.StoreId == store && v.SkuKey == key).Select(v => new { v.Id, v.ProductId }).FirstOrDefaultAsync(cancellationToken);
        if (variant is null)
            return null;
        var product = await GetAsync(variant.ProductId.ToString(), cancellationToken);
        return product is null ? null : (product, variant.Id);
    }

    /// <summary>Variants by id with their products, in the order asked, under the products' visibility rule.</summary>
    public async Task<List<(ProductEntity Product, Guid VariantId)>> GetVariantsAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        if (keys.Count > MaxBatch)
            throw ContractError.InvalidArgument("TOO_MANY_IDS", $"Ask for at most {MaxBatch} variants at once.");
        if (keys.Count == 0)
            return [];
        var owners = await db.Variants.AsNoTracking().Where(v => keys.Contains(v.Id)).Select(v => new { v.Id, v.ProductId }).ToDictionaryAsync(v => v.Id, v => v.ProductId, cancellationToken);
        var products = (await GetManyAsync(owners.Values.Distinct().Select(p => p.ToString()), cancellationToken)).ToDictionary(p => p.Id);
        return keys.Where(k => owners.TryGetValue(k, out var productId) && products.ContainsKey(productId))
            .Select(k => (products[owners[k]], k)).ToList();
    }

    /// <summary>
    /// A store's products newest first (UUIDv7 ids), <paramref name="first"/> + 1 of them so the caller knows whether
    /// more follow. Callers who may not see the store's drafts get ACTIVE products only, and none when the store is not
    /// ACTIVE.
    /// </summary>
    public async Task<(List<ProductEntity> Items, bool HasNext, int Total)> ListByStoreAsync(string storeId, string status, int first, string after, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(storeId, out var store))
            return ([], false, 0);
        Guid? afterId = null;
        if (after.Length > 0)
        {
            if (!Guid.TryParse(after, out var parsed))
                throw ContractError.InvalidArgument("INVALID_CURSOR", "The cursor is not one this API returned.");
            afterId = parsed;
        }

        status = status.Trim().ToUpperInvariant();
        if (status.Length > 0 && status is not (ProductStatus.Draft or ProductStatus.Active or ProductStatus.Archived))
            throw ContractError.InvalidArgument("INVALID_STATUS", "Status is DRAFT, ACTIVE or ARCHIVED.", [new FieldViolation("status", "Status is DRAFT, ACTIVE or ARCHIVED.", "INVALID_STATUS")]);
        first = first <= 0 ? 20 : Math.Min(first, MaxPageSize);

        if (!await SeesEverythingOfAsync(store, cancellationToken))
        {
            if (status is ProductStatus.Draft or ProductStatus.Archived || !(await stores.ActiveAsync([store], cancellationToken)).Contains(store))
                return ([], false, 0);
            status = ProductStatus.Active;
        }

        var query = db.Products.AsNoTracking().Where(p => p.StoreId == store);
        if (status.Length > 0)
            query = query.Where(p => p.Status == status);
        var total = await query.CountAsync(cancellationToken);
        if (afterId is { } cursor)
            query = query.Where(p => p.Id.CompareTo(cursor) < 0);
        var items = await query.OrderByDescending(p => p.Id).Take(first + 1).Include(p => p.Variants).AsSplitQuery().ToListAsync(cancellationToken);
        return (items.Take(first).ToList(), items.Count > first, total);
    }

    private IQueryable<ProductEntity> Products() => db.Products.AsNoTracking().Include(p => p.Variants);

    private async Task<List<ProductEntity>> VisibleAsync(List<ProductEntity> products, CancellationToken cancellationToken)
    {
        var caller = CallContext.Current.Caller;
        if (Privileged(caller))
            return products;
        var own = products.Where(p => caller.Kind == CallerKind.User && caller.IsInRole(Roles.Seller) && caller.Id == p.SellerId.ToString()).ToHashSet();
        var candidates = products.Where(p => !own.Contains(p) && p.Status == ProductStatus.Active).ToList();
        var active = await stores.ActiveAsync(candidates.Select(p => p.StoreId), cancellationToken);
        return products.Where(p => own.Contains(p) || (p.Status == ProductStatus.Active && active.Contains(p.StoreId))).ToList();
    }

    private async Task<bool> SeesEverythingOfAsync(Guid storeId, CancellationToken cancellationToken)
    {
        var caller = CallContext.Current.Caller;
        if (Privileged(caller))
            return true;
        return caller.Kind == CallerKind.User && caller.IsInRole(Roles.Seller) && Guid.TryParse(caller.Id, out var sellerId)
            && await stores.IsOwnerAsync(storeId, sellerId, cancellationToken);
    }

    private static bool Privileged(Caller caller) => caller.Kind == CallerKind.Service || caller.IsInRole(Roles.Admin);
}
