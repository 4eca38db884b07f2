using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Catalog;

internal sealed class CategoryDeletePayloadType : ObjectGraphType<CategoryDeletePayload>
{
    public CategoryDeletePayloadType()
    {
        Name = "CategoryDeletePayload";
        Description = "The result of categoryDelete: the deleted category's id, or why nothing changed.";
        Field<IdGraphType>("deletedCategoryId").Description("The global id of the category deleted; null when the mutation failed.").Resolve(c => c.Source.DeletedCategoryId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<CategoryErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
