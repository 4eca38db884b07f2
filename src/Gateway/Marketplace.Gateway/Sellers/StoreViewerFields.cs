using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Users;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>viewer.stores</c> (the seller's own stores) and <c>viewer.followedStores</c>.</summary>
internal sealed class StoreViewerFields : IViewerExtension
{
    public void ConfigureViewer(ObjectGraphType<ViewerSource> viewer)
    {
        viewer.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StoreType>>>>("stores")
            .Description("Sellers: the stores you run, any status, oldest first (at most 10).")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => (await SellersArea.Stores(c).ListMyStoresAsync(new ListMyStoresRequest(), cancellationToken: c.CancellationToken)).Stores.ToList());

        viewer.Field<NonNullGraphType<FollowedStoreConnectionType>>("followedStores")
            .Description("The ACTIVE stores you follow, newest follow first. Follows of stores that close stay and show again when they reopen.")
            .PageArguments()
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                var response = await SellersArea.Stores(c).ListFollowedStoresAsync(new ListFollowedStoresRequest { Page = page.ToContract() }, cancellationToken: c.CancellationToken);
                return Connection<FollowedStore>.From(response.Stores, response.PageInfo.HasNextPage, page, s => s.Key);
            });
    }
}
