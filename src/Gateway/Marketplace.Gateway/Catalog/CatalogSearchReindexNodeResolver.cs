using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary>
/// <c>node(id:)</c> for search rebuilds: administrators only, like <c>catalogSearchReindexStatus</c>. Anyone else gets
/// null (as for an object that does not exist), not an error that would tell the id is real.
/// </summary>
internal sealed class CatalogSearchReindexNodeResolver : INodeResolver
{
    public string TypeName => CatalogArea.ReindexTypeName;

    public Type ClrType => typeof(SearchReindex);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        context.GetCaller().IsInRole(Roles.Admin)
            ? await ContractCalls.OrNullAsync(async () => await CatalogArea.Search(context).GetSearchReindexAsync(new GetSearchReindexRequest { Id = id }, cancellationToken: context.CancellationToken))
            : null;
}
