using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Schema;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>productCreate</c>, <c>productUpdate</c> and <c>productVariantsBulkUpdate</c>, for the seller who runs the store.</summary>
internal sealed class ProductMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ProductPayloadType<ProductCreate>>>("productCreate")
            .Description("Sellers: adds a DRAFT product with its variants to one of your stores (NOT_STORE_OWNER otherwise).")
            .Argument<NonNullGraphType<ProductCreateInputType>>("input", "The new product.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await ProductPayload.RunAsync(async () =>
                await CatalogArea.Products(c).CreateProductAsync(ProductInputs.Create(c.Input()), cancellationToken: c.CancellationToken)));

        mutation.Field<NonNullGraphType<ProductPayloadType<ProductUpdate>>>("productUpdate")
            .Description("Sellers: changes a product's listing; options and variants given replace the variant set. Another seller's product is PRODUCT_NOT_FOUND.")
            .Argument<NonNullGraphType<ProductUpdateInputType>>("input", "The product and what changes.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await ProductPayload.RunAsync(
                async () => await CatalogArea.Products(c).UpdateProductAsync(ProductInputs.Update(c.Input()), cancellationToken: c.CancellationToken),
                idField: "id"));

        mutation.Field<NonNullGraphType<ProductPayloadType<ProductVariantsBulkUpdate>>>("productVariantsBulkUpdate")
            .Description("Sellers: changes fields of several variants of one product at once (prices, SKUs, …); all or nothing.")
            .Argument<NonNullGraphType<ProductVariantsBulkUpdateInputType>>("input", "The product and its variants' changes.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await ProductPayload.RunAsync(
                async () => await CatalogArea.Products(c).UpdateVariantsAsync(ProductInputs.BulkUpdate(c.Input()), cancellationToken: c.CancellationToken),
                idField: "productId"));
    }
}
