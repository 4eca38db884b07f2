using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class CategoryUpdateInputType : InputObjectGraphType
{
    public CategoryUpdateInputType()
    {
        Name = "CategoryUpdateInput";
        Description = "Fields left out (or null) stay as they are. A new slug rewrites the paths of the whole subtree. Limits as in CategoryCreateInput.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The category to change.");
        Field<StringGraphType>("name").Description("A new name.");
        Field<StringGraphType>("slug").Description("A new slug (checked for uniqueness); the old one stops resolving.");
        Field<IntGraphType>("position").Description("A new order among its siblings.");
    }
}
