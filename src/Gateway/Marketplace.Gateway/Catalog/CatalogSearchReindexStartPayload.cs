using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>What <c>catalogSearchReindexStart</c> answers: the rebuild started (or the one in flight), or the userErrors.</summary>
internal sealed record CatalogSearchReindexStartPayload(SearchReindex? Reindex, bool Started, IReadOnlyList<UserError> UserErrors)
{
    public static async Task<CatalogSearchReindexStartPayload> RunAsync(Func<Task<StartSearchReindexResponse>> call) =>
        await ContractCalls.PayloadAsync(
            async () =>
            {
                var response = await call();
                return new CatalogSearchReindexStartPayload(response.Reindex, response.Started, []);
            },
            errors => new CatalogSearchReindexStartPayload(null, false, errors));
}
