using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>CategoryCreatePayload</c>, <c>CategoryUpdatePayload</c>, <c>CategoryMovePayload</c>: the category after the change, or userErrors.</summary>
internal sealed class CategoryPayloadType<TMutation> : ObjectGraphType<CategoryPayload>
    where TMutation : ICategoryMutation
{
    public CategoryPayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Description = $"The result of {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}: the category, or why nothing changed.";
        Field<CategoryType>("category").Description("The category as it is now; null when the mutation failed.").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<CategoryErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
