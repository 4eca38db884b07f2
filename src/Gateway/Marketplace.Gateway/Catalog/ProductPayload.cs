using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>What every product mutation answers: the product after the change, or the userErrors.</summary>
internal sealed record ProductPayload(Product? Product, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>
    /// Runs a product mutation: invalid input, broken rules and, when <paramref name="idField"/> names the input field
    /// holding the product's id, an unknown (or another seller's) product (<c>PRODUCT_NOT_FOUND</c>) become userErrors.
    /// </summary>
    public static async Task<ProductPayload> RunAsync(Func<Task<Product>> call, string? idField = null) =>
        await ContractCalls.PayloadAsync(async () => new ProductPayload(await call(), []), errors => new ProductPayload(null, errors), idField);
}

/// <summary>Names a product mutation's input and payload types (<c>ProductPublishInput</c>, <c>ProductPublishPayload</c>).</summary>
internal interface IProductMutation
{
    static abstract string TypePrefix { get; }
}

internal sealed class ProductCreate : IProductMutation
{
    public static string TypePrefix => "ProductCreate";
}

internal sealed class ProductUpdate : IProductMutation
{
    public static string TypePrefix => "ProductUpdate";
}

internal sealed class ProductVariantsBulkUpdate : IProductMutation
{
    public static string TypePrefix => "ProductVariantsBulkUpdate";
}

internal sealed class ProductPublish : IProductMutation
{
    public static string TypePrefix => "ProductPublish";
}

internal sealed class ProductArchive : IProductMutation
{
    public static string TypePrefix => "ProductArchive";
}
