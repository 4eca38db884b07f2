using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class CategoryCreateInputType : InputObjectGraphType
{
    public CategoryCreateInputType()
    {
        Name = "CategoryCreateInput";
        Description = "A new category.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("1–100 characters.");
        Field<NonNullGraphType<StringGraphType>>("slug").Description("2–60 lower-case letters, digits and single hyphens; unique in the taxonomy.");
        Field<IdGraphType>("parentId").Description("The category above it (the tree is at most 8 levels deep); null for a root category.");
        Field<IntGraphType>("position").Description("Order among its siblings; after the last one when left out.");
    }
}
