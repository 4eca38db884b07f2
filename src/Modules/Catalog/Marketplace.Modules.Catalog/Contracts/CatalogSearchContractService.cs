using System.Globalization;
using Grpc.Core;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Catalog.Contracts;

/// <summary>
/// The search contract: <c>ProductsNear</c> for everyone; the rebuild for administrators only (checked here, from the
/// caller in the call metadata, whatever the gateway did). The rebuild's services are built only when asked for: a
/// search call (the hot path) needs none of them.
/// </summary>
internal sealed class CatalogSearchContractService(ProductSearch search, Lazy<SearchReindexer> reindexer) : CatalogSearch.CatalogSearchBase
{
    public override async Task<ProductsNearResponse> ProductsNear(ProductsNearRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        var priceMin = Price(request.PriceMin, "priceMin", violations);
        var priceMax = Price(request.PriceMax, "priceMax", violations);
        if (violations.Count > 0)
            throw ContractError.InvalidArgument("INVALID_SEARCH", "The search is not valid.", violations);

        var validated = await search.ValidateAsync(
            request.Latitude, request.Longitude, request.RadiusKm, request.Query, request.CategoryId, priceMin, priceMax,
            Sort(request.Sort), request.First, request.After, context.CancellationToken);
        var hits = await search.SearchAsync(validated, context.CancellationToken);
        var response = new ProductsNearResponse { HasNextPage = hits.Count > validated.First };
        response.Products.AddRange(hits.Take(validated.First).Select(h => new NearbyProduct
        {
            ProductId = h.ProductId.ToString(),
            StoreId = h.StoreId.ToString(),
            Title = h.Title,
            MinPrice = Domain.Money.Format(h.MinPrice, h.Currency),
            MaxPrice = Domain.Money.Format(h.MaxPrice, h.Currency),
            Currency = h.Currency,
            CategoryId = h.CategoryId.ToString(),
            PublishedAt = Timestamp(h.PublishedAt),
            CreatedAt = Timestamp(h.CreatedAt),
            DistanceMeters = h.DistanceMeters,
            Key = h.Key.ToString(),
        }));
        return response;
    }

    public override async Task<RequestSearchReindexResponse> RequestSearchReindex(RequestSearchReindexRequest request, ServerCallContext context)
    {
        var caller = Admin();
        var (run, started) = await reindexer.Value.RequestAsync(request.BatchSize, caller.Id ?? "", context.CancellationToken);
        return new RequestSearchReindexResponse { Reindex = ToContract(run), Started = started };
    }

    public override async Task<Contracts.V1.SearchReindex> GetSearchReindex(GetSearchReindexRequest request, ServerCallContext context)
    {
        Admin();
        var run = Guid.TryParse(request.Id, out var id) ? await reindexer.Value.FindAsync(id, context.CancellationToken) : null;
        return run is null ? throw ContractError.NotFound("REINDEX_NOT_FOUND", "No such reindex.") : ToContract(run);
    }

    private static Caller Admin()
    {
        var caller = CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in first.");
        if (!caller.IsInRole(Roles.Admin))
            throw ContractError.PermissionDenied("ADMINS_ONLY", "Only administrators rebuild the search index.");
        return caller;
    }

    private static SearchSort? Sort(ProductSearchSort sort) => sort switch
    {
        ProductSearchSort.Distance => SearchSort.Distance,
        ProductSearchSort.PriceAsc => SearchSort.PriceAsc,
        ProductSearchSort.PriceDesc => SearchSort.PriceDesc,
        ProductSearchSort.Newest => SearchSort.Newest,
        ProductSearchSort.Relevance => SearchSort.Relevance,
        _ => null,
    };

    private static decimal? Price(string text, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return value;
        violations.Add(new FieldViolation(field, "Give a non-negative decimal amount.", "INVALID_PRICE"));
        return null;
    }

    private static string Timestamp(DateTimeOffset? at) => at?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "";

    private static Contracts.V1.SearchReindex ToContract(Search.SearchReindex run) => new()
    {
        Id = run.Id.ToString(),
        Status = run.Status,
        BatchSize = run.BatchSize,
        ProductsTotal = run.ProductsTotal,
        ProductsIndexed = run.ProductsIndexed,
        BatchesTotal = run.BatchesTotal,
        BatchesDone = run.BatchesDone,
        RequestedAt = Timestamp(run.RequestedAt),
        StartedAt = Timestamp(run.StartedAt),
        CompletedAt = Timestamp(run.CompletedAt),
        Note = run.Note ?? "",
    };
}
