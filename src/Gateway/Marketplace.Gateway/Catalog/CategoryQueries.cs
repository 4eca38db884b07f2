using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>categories</c> and <c>category(id, slug)</c>: the taxonomy is public.</summary>
internal sealed class CategoryQueries : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("The taxonomy's root categories by position; walk down with children (the whole tree is read once per request, at most 5,000 categories).")
            .AllowAnonymous()
            .Resolve(c => CatalogLoaders.Tree(c).Then(tree => tree?.Roots ?? []));

        query.Field<CategoryType>("category")
            .Description("A category by id or slug (give exactly one); null when there is none.")
            .Argument<IdGraphType>("id", "The category's global id.")
            .Argument<StringGraphType>("slug", "The category's slug, e.g. \"plants\" (case-insensitive).")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var id = c.GetIdArgument("id", CatalogArea.CategoryTypeName);
                var slug = c.GetArgument<string?>("slug");
                if ((id is null) == (slug is null))
                    throw new InputError("id", CommonErrorCodes.Invalid, "Give exactly one of 'id' and 'slug'.");
                var request = new GetCategoryRequest { Id = id ?? "", Slug = slug ?? "" };
                return await ContractCalls.OrNullAsync(async () => await CatalogArea.Taxonomy(c).GetCategoryAsync(request, cancellationToken: c.CancellationToken));
            });
    }

    public IEnumerable<Type> AdditionalTypes => [typeof(CategoryType)];
}
