using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>productPublish</c> and <c>productArchive</c>, for the seller who runs the store.</summary>
internal sealed class ProductStatusMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        Add<ProductPublish>(mutation, "productPublish", "Sellers: makes a DRAFT or ARCHIVED product ACTIVE (visible to buyers); only products of ACTIVE stores (STORE_NOT_ACTIVE). Publishing an ACTIVE product changes nothing.",
            (c, id) => CatalogArea.Products(c).PublishProductAsync(new ProductIdRequest { Id = id }, cancellationToken: c.CancellationToken).ResponseAsync);
        Add<ProductArchive>(mutation, "productArchive", "Sellers: archives a product: no longer sold or found. Archiving an ARCHIVED product changes nothing.",
            (c, id) => CatalogArea.Products(c).ArchiveProductAsync(new ProductIdRequest { Id = id }, cancellationToken: c.CancellationToken).ResponseAsync);
    }

    private static void Add<TMutation>(ObjectGraphType mutation, string name, string description, Func<IResolveFieldContext, string, Task<Product>> call)
        where TMutation : IProductMutation =>
        mutation.Field<NonNullGraphType<ProductPayloadType<TMutation>>>(name)
            .Description(description)
            .Argument<NonNullGraphType<ProductStatusInputType<TMutation>>>("input", "The product.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await ProductPayload.RunAsync(async () => await call(c, c.Input().RequiredId("id", CatalogArea.ProductTypeName)), idField: "id"));
}
