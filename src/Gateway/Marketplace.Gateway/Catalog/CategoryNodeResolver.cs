using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>node(id:)</c> for categories: public, like <c>category</c>.</summary>
internal sealed class CategoryNodeResolver : INodeResolver
{
    public string TypeName => CatalogArea.CategoryTypeName;

    public Type ClrType => typeof(Category);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        await ContractCalls.OrNullAsync(async () => await CatalogArea.Taxonomy(context).GetCategoryAsync(new GetCategoryRequest { Id = id }, cancellationToken: context.CancellationToken));
}
