using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>ProductPublishInput</c> and <c>ProductArchiveInput</c>: the product's id.</summary>
internal sealed class ProductStatusInputType<TMutation> : InputObjectGraphType
    where TMutation : IProductMutation
{
    public ProductStatusInputType()
    {
        Name = TMutation.TypePrefix + "Input";
        Description = $"The product for {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The product.");
    }
}
