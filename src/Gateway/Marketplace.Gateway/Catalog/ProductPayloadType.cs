using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>ProductCreatePayload</c>, <c>ProductUpdatePayload</c>, …: the product after the change, or userErrors.</summary>
internal sealed class ProductPayloadType<TMutation> : ObjectGraphType<ProductPayload>
    where TMutation : IProductMutation
{
    public ProductPayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Description = $"The result of {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}: the product, or why nothing changed.";
        Field<ProductType>("product").Description("The product as it is now; null when the mutation failed.").Resolve(c => c.Source.Product);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<ProductErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
