using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class CategoryMoveInputType : InputObjectGraphType
{
    public CategoryMoveInputType()
    {
        Name = "CategoryMoveInput";
        Description = "Where a category moves, with its subtree.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The category to move.");
        Field<IdGraphType>("parentId").Description("The new parent (not itself or below it; the tree stays at most 8 levels deep); null moves it to the root.");
        Field<IntGraphType>("position").Description("Order among its new siblings; after the last one when left out.");
    }
}
