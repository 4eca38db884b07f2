using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Catalog.Contracts.V1;
using Store = Marketplace.Modules.Sellers.Contracts.V1.Store;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>store.products</c>: the Catalog area's field on the Sellers area's <c>Store</c>.</summary>
internal sealed class StoreProductsField : IStoreExtension
{
    public void ConfigureStore(ObjectGraphType<Store> store) =>
        store.Field<NonNullGraphType<ProductConnectionType>>("products")
            .Description("The store's products, newest first. Buyers and visitors see ACTIVE ones while the store is ACTIVE; the store's seller and administrators any status (or the one asked for).")
            .Argument<ProductStatusType>("status", "Only products in this status (buyers and visitors: ACTIVE only).")
            .PageArguments()
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                var request = new ListStoreProductsRequest { StoreId = c.Source.Id, Status = c.GetArgument<string?>("status") ?? "", Page = page.ToContract() };
                var response = await CatalogArea.Products(c).ListStoreProductsAsync(request, cancellationToken: c.CancellationToken);
                // The contract reads first: 0 as "the default page size"; here it asks for an empty page (with the count).
                return page.First == 0
                    ? Connection<Product>.From([], response.Products.Count > 0, page, p => p.Id, response.TotalCount)
                    : Connection<Product>.From(response.Products, response.PageInfo.HasNextPage, page, p => p.Id, response.TotalCount);
            });
}
