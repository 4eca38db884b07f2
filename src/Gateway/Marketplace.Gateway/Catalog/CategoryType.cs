using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

internal sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        Name = CatalogArea.CategoryTypeName;
        Description = "A node of the product taxonomy (e.g. Home & Garden > Plants). The tree is at most 8 levels deep and holds at most 5,000 categories.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Category;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(CatalogArea.CategoryTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("At most 100 characters.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Unique across the taxonomy, URL-safe: 2–60 lower-case letters, digits and single hyphens.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("path").Description("Slugs from the root, joined by '/', e.g. \"home-garden/plants\".").Resolve(c => c.Source.Path);
        Field<NonNullGraphType<IntGraphType>>("position").Description("Order among its siblings (ascending; ties by name).").Resolve(c => c.Source.Position);
        Field<CategoryType>("parent").Description("The category above it; null for a root category.")
            .Resolve(c => c.Source.ParentId.Length == 0 ? null : CatalogLoaders.Category(c, c.Source.ParentId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("children").Description("Its sub-categories, by position.")
            .Resolve(c => CatalogLoaders.Tree(c).Then(tree => tree?.ChildrenOf(c.Source.Id) ?? []));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When the category was added.").Resolve(c => CatalogValues.Time(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Description("When the category (or its path) last changed.").Resolve(c => CatalogValues.Time(c.Source.UpdatedAt));
    }
}
