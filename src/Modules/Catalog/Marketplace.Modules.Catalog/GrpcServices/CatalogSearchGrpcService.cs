using Grpc.Core;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Catalog.Search.GetSearchReindex;
using Marketplace.Modules.Catalog.Search.ProductsNear;
using Marketplace.Modules.Catalog.Search.StartSearchReindex;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Contracts.V1;
using Mediator;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Search;

namespace Marketplace.Modules.Catalog.GrpcServices;

/// <summary>
/// The <c>CatalogSearch</c> contract: <c>ProductsNear</c> for everyone over the search projection; the projection's
/// rebuild for administrators only (checked here, from the caller in the call metadata, whatever the gateway did).
/// </summary>
internal sealed class CatalogSearchGrpcService(ISender mediator) : CatalogSearch.CatalogSearchBase
{
    // Anyone, anonymous included: the projection holds only what buyers may see.
    public override async Task<ProductsNearResponse> ProductsNear(ProductsNearRequest request, ServerCallContext context)
    {
        var result = await mediator.Send(ProductsNearQuery.From(request), context.CancellationToken);
        var response = new ProductsNearResponse
        {
            Products = { result.Page.Items.Select(h => h.ToContract()) },
            PageInfo = new PageInfo { HasNextPage = result.Page.HasNextPage },
            Facets = result.Facets?.ToContract(),
        };
        if (result.TotalCount is { } total)
            response.TotalCount = total;
        return response;
    }

    public override async Task<StartSearchReindexResponse> StartSearchReindex(StartSearchReindexRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        var started = await mediator.Send(new StartSearchReindexCommand(adminId, request.BatchSize), context.CancellationToken);
        return new StartSearchReindexResponse { Reindex = started.Run.ToContract(), Started = started.Started };
    }

    public override async Task<Contracts.V1.SearchReindex> GetSearchReindex(GetSearchReindexRequest request, ServerCallContext context)
    {
        CallerRequirements.Admin();
        var run = await mediator.Send(new GetSearchReindexQuery(request.Id), context.CancellationToken)
            ?? throw ContractError.NotFound(Codes.ReindexNotFound, "No such reindex.");
        return run.ToContract();
    }
}
