using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>
/// What Catalog asks the Sellers module: does this seller run this store (<c>IsStoreOwner</c>, asked as the seller
/// themselves), and which stores are ACTIVE (<c>GetStores</c>, asked as the Catalog module so that hidden stores come
/// back with their status instead of being left out).
/// </summary>
internal sealed class StoreAccess(SellersStores.SellersStoresClient sellers)
{
    public async Task<bool> IsOwnerAsync(Guid storeId, Guid sellerId, CancellationToken cancellationToken) =>
        (await sellers.IsStoreOwnerAsync(new IsStoreOwnerRequest { StoreId = storeId.ToString(), SellerId = sellerId.ToString() }, cancellationToken: cancellationToken)).Owner;

    /// <summary>The ids among <paramref name="storeIds"/> whose store exists and is ACTIVE.</summary>
    public async Task<HashSet<Guid>> ActiveAsync(IEnumerable<Guid> storeIds, CancellationToken cancellationToken)
    {
        var ids = storeIds.Distinct().ToList();
        if (ids.Count == 0)
            return [];
        using var asCatalog = AsModule();
        var response = await sellers.GetStoresAsync(new GetStoresRequest { Ids = { ids.Select(i => i.ToString()) } }, cancellationToken: cancellationToken);
        return response.Stores.Where(s => s.Status == "ACTIVE").Select(s => Guid.Parse(s.Id)).ToHashSet();
    }

    /// <summary>A store found by slug, whatever its status (demo data); null when there is none.</summary>
    public async Task<Store?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        using var asCatalog = AsModule();
        try
        {
            return await sellers.GetStoreAsync(new GetStoreRequest { Slug = slug }, cancellationToken: cancellationToken);
        }
        catch (Grpc.Core.RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return null;
        }
    }

    // The correlation id of the work stays; only the caller becomes this module.
    private static IDisposable AsModule() => CallContext.Push(CallContext.Current with { Caller = Caller.Service(CatalogModule.ModuleName) });
}
