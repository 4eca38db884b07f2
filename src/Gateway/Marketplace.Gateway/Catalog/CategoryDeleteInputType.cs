using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class CategoryDeleteInputType : InputObjectGraphType
{
    public CategoryDeleteInputType()
    {
        Name = "CategoryDeleteInput";
        Description = "The category to delete.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("A category without children and without products.");
    }
}
