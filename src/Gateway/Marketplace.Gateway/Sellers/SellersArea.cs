using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Sellers;

/// <summary>
/// The Sellers area: stores (<c>store</c>, <c>storesNear</c>, <c>viewer.stores</c>, the <c>store*</c> mutations) and
/// following (<c>storeFollow</c>, <c>storeUnfollow</c>, <c>viewer.followedStores</c>), through the <c>SellersStores</c>
/// contract, which authorizes every call again from the caller in its metadata.
/// </summary>
internal sealed class SellersArea : IGatewayArea
{
    public const string StoreTypeName = "Store";

    public void Register(IServiceCollection services)
    {
        services.AddContractClient<SellersStores.SellersStoresClient>("Sellers");
        services.AddSchemaContribution<StoreQueries>();
        services.AddSchemaContribution<StoreMutations>();
        services.AddSchemaContribution<StoreStatusMutations>();
        services.AddSchemaContribution<StoreFollowMutations>();
        services.AddSingleton<IViewerExtension, StoreViewerFields>();
        services.AddNodeResolver<StoreNodeResolver>();
    }

    public static SellersStores.SellersStoresClient Stores(GraphQL.IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<SellersStores.SellersStoresClient>();
}
