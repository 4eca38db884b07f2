using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Grpc.Core;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Users;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Catalog;

/// <summary>
/// Product search: <c>productsNear</c> (everyone) over Catalog's search projection, and the projection's rebuild
/// <c>catalogSearchReindex</c> with its progress (ADMIN). The Catalog module validates and authorizes again; its
/// InvalidArgument answers become BAD_USER_INPUT with <c>extensions.fieldViolations</c>.
/// </summary>
internal sealed class SearchContribution : ISchemaContribution
{
    public const string ReindexTypeName = "CatalogSearchReindex";

    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<NearbyProductConnectionType>>("productsNear")
            .Description("ACTIVE products of ACTIVE stores within radiusKm of a point. Ordered by `sort` (RELEVANCE when a query is given, else DISTANCE); each edge carries distanceMeters.")
            .Argument<NonNullGraphType<GeoPointInputType>>("location")
            .Argument<NonNullGraphType<FloatGraphType>>("radiusKm", "Search radius in km, above 0 and at most 100.")
            .Argument<StringGraphType>("query", "Full text over titles (strongest), category names and descriptions; web-search syntax: words, \"a phrase\", -excluded, or.")
            .Argument<IdGraphType>("categoryId", "Only products in this category or any category below it.")
            .Argument<ExactDecimalGraphType>("priceMin", "Only products whose lowest price is at least this.")
            .Argument<ExactDecimalGraphType>("priceMax", "Only products whose lowest price is at most this.")
            .Argument<ProductSearchSortType>("sort")
            .PageArguments()
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                var point = c.GetArgument<Dictionary<string, object?>>("location");
                var request = new ProductsNearRequest
                {
                    Latitude = Convert.ToDouble(point["latitude"], CultureInfo.InvariantCulture),
                    Longitude = Convert.ToDouble(point["longitude"], CultureInfo.InvariantCulture),
                    RadiusKm = c.GetArgument<double>("radiusKm"),
                    Query = c.GetArgument<string?>("query") ?? "",
                    CategoryId = CategoryId(c.GetArgument<string?>("categoryId")),
                    PriceMin = c.GetArgument<decimal?>("priceMin")?.ToString(CultureInfo.InvariantCulture) ?? "",
                    PriceMax = c.GetArgument<decimal?>("priceMax")?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Sort = c.GetArgument<ProductSearchSort?>("sort") ?? ProductSearchSort.Unspecified,
                    First = page.First,
                    After = page.AfterKey ?? "",
                };
                if (page.First == 0)
                    return new Connection<NearbyProductHit>([], new PageInfo(false, page.AfterKey is not null, null, null));
                var response = await Search(c).ProductsNearAsync(request, cancellationToken: c.CancellationToken);
                var hits = await SearchHydration.HitsAsync(c, response.Products, c.CancellationToken);
                var edges = hits.Select(h => new Edge<NearbyProductHit>(h, Cursor.Encode(h.Key))).ToList();
                // The end cursor is the last hit's position even if hydration left it out (archived a moment ago).
                var end = response.Products.Count == 0 ? null : Cursor.Encode(response.Products[^1].Key);
                return new Connection<NearbyProductHit>(edges, new PageInfo(response.HasNextPage, page.AfterKey is not null, edges.FirstOrDefault()?.Cursor, end));
            });

        query.Field<CatalogSearchReindexType>("catalogSearchReindex")
            .Description("Administrators: a search rebuild's progress (null when unknown).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c =>
            {
                if (!GlobalId.TryDecode(c.GetArgument<string>("id"), out var type, out var id) || type != ReindexTypeName)
                    return null;
                try
                {
                    return await Search(c).GetSearchReindexAsync(new GetSearchReindexRequest { Id = id }, cancellationToken: c.CancellationToken);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
                {
                    return null;
                }
            });
    }

    public void ConfigureMutation(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<CatalogSearchReindexPayloadType>>("catalogSearchReindex")
            .Description("Administrators: rebuilds the whole product search projection through JetStream in batches, while productsNear keeps answering from the current rows; swapped in when done. While one runs, answers that one (started: false).")
            .Argument<CatalogSearchReindexInputType>("input")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>?>("input");
                var request = new RequestSearchReindexRequest
                {
                    BatchSize = input is not null && input.TryGetValue("batchSize", out var size) && size is not null ? Convert.ToInt32(size, CultureInfo.InvariantCulture) : 0,
                };
                return await UserErrors.CatchAsync(
                    async () =>
                    {
                        var response = await Search(c).RequestSearchReindexAsync(request, cancellationToken: c.CancellationToken);
                        return new ReindexPayload(response.Reindex, response.Started, []);
                    },
                    errors => new ReindexPayload(null, false, errors));
            });

    public IEnumerable<Type> AdditionalTypes => [];

    /// <summary>The category's own id from its global id; a malformed or foreign id is BAD_USER_INPUT.</summary>
    private static string CategoryId(string? globalId)
    {
        if (globalId is null)
            return "";
        if (!GlobalId.TryDecode(globalId, out var type, out var id) || type != CatalogContribution.CategoryTypeName)
            throw new GatewayError(ErrorCodes.BadUserInput, "'categoryId' is not a category id.");
        return id;
    }

    private static CatalogSearch.CatalogSearchClient Search(IResolveFieldContext c) =>
        c.RequestServices!.GetRequiredService<CatalogSearch.CatalogSearchClient>();
}

/// <summary>
/// What a search page needs of its products. The projection holds the fields a results list usually shows (id, title,
/// status, price range, dates, store and category ids); a node that asks for anything else (description, variants,
/// images, …) is hydrated with one batched <c>GetProducts</c> call, which also applies the product visibility rule again
/// (a hit whose product was archived a moment ago, before the projection caught up, is left out).
/// </summary>
internal static class SearchHydration
{
    private static readonly HashSet<string> Covered = new(StringComparer.Ordinal)
    {
        "__typename", "id", "title", "status", "store", "category", "priceRange", "publishedAt", "createdAt",
    };

    public static async Task<List<NearbyProductHit>> HitsAsync(IResolveFieldContext context, IReadOnlyList<NearbyProduct> found, CancellationToken cancellationToken)
    {
        if (found.Count == 0 || !NeedsProducts(context))
            return found.Select(f => new NearbyProductHit(FromProjection(f), f.DistanceMeters, f.Key)).ToList();
        var catalog = context.RequestServices!.GetRequiredService<CatalogContract.CatalogContractClient>();
        var products = (await catalog.GetProductsAsync(new GetProductsRequest { Ids = { found.Select(f => f.ProductId) } }, cancellationToken: cancellationToken))
            .Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return found.Where(f => products.ContainsKey(f.ProductId)).Select(f => new NearbyProductHit(products[f.ProductId], f.DistanceMeters, f.Key)).ToList();
    }

    /// <summary>A product as the projection knows it: only the covered fields are set (nothing else is asked for).</summary>
    private static Product FromProjection(NearbyProduct hit) => new()
    {
        Id = hit.ProductId,
        StoreId = hit.StoreId,
        Title = hit.Title,
        CategoryId = hit.CategoryId,
        Status = "ACTIVE",
        MinPrice = hit.MinPrice,
        MaxPrice = hit.MaxPrice,
        Currency = hit.Currency,
        PublishedAt = hit.PublishedAt,
        CreatedAt = hit.CreatedAt,
    };

    /// <summary>Whether the query selects a product field the projection does not hold (under edges.node or nodes, through fragments).</summary>
    private static bool NeedsProducts(IResolveFieldContext context)
    {
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        foreach (var field in Fields(context.FieldAst.SelectionSet, fragments))
        {
            var name = field.Name.StringValue;
            if (name == "nodes" && Fields(field.SelectionSet, fragments).Any(f => !Covered.Contains(f.Name.StringValue)))
                return true;
            if (name != "edges")
                continue;
            foreach (var node in Fields(field.SelectionSet, fragments).Where(f => f.Name.StringValue == "node"))
            {
                if (Fields(node.SelectionSet, fragments).Any(f => !Covered.Contains(f.Name.StringValue)))
                    return true;
            }
        }

        return false;
    }

    /// <summary>The fields of a selection set, with inline fragments and fragment spreads flattened (directives ignored: selected).</summary>
    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? selectionSet, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, int depth = 0)
    {
        if (selectionSet is null || depth > 10)
            yield break;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var inner in Fields(inline.SelectionSet, fragments, depth + 1))
                        yield return inner;
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    foreach (var inner in Fields(fragment.SelectionSet, fragments, depth + 1))
                        yield return inner;
                    break;
            }
        }
    }
}

internal sealed record ReindexPayload(SearchReindex? Reindex, bool Started, IReadOnlyList<UserError> UserErrors);

internal sealed class ProductSearchSortType : EnumerationGraphType
{
    public ProductSearchSortType()
    {
        Name = "ProductSearchSort";
        Add("DISTANCE", ProductSearchSort.Distance, "Nearest first (great-circle distance; ties by product).");
        Add("PRICE_ASC", ProductSearchSort.PriceAsc, "Lowest price first (the product's lowest variant price).");
        Add("PRICE_DESC", ProductSearchSort.PriceDesc, "Highest price first (the product's lowest variant price).");
        Add("NEWEST", ProductSearchSort.Newest, "Most recently published first.");
        Add("RELEVANCE", ProductSearchSort.Relevance, "Best text match first (needs a query): title over category names over description.");
    }
}

/// <summary>A search hit: the product (from the projection, or hydrated) and its distance and position key.</summary>
internal sealed record NearbyProductHit(Product Product, double DistanceMeters, string Key);

/// <summary>The connection of <c>productsNear</c>: its edges carry the distance.</summary>
internal sealed class NearbyProductConnectionType : ObjectGraphType<Connection<NearbyProductHit>>
{
    public NearbyProductConnectionType()
    {
        Name = "NearbyProductConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NearbyProductEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node.Product));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}

internal sealed class NearbyProductEdgeType : ObjectGraphType<Edge<NearbyProductHit>>
{
    public NearbyProductEdgeType()
    {
        Name = "NearbyProductEdge";
        Field<NonNullGraphType<ProductType>>("node").Resolve(c => c.Source.Node.Product);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Description("Geodesic distance (ST_Distance on the WGS 84 spheroid) from the searched point to the product's store.").Resolve(c => c.Source.Node.DistanceMeters);
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
    }
}

internal sealed class CatalogSearchReindexStatusType : EnumerationGraphType
{
    public CatalogSearchReindexStatusType()
    {
        Name = "CatalogSearchReindexStatus";
        Add("REQUESTED", "REQUESTED", "Waiting for its first step.");
        Add("RUNNING", "RUNNING", "Batches are filling the shadow table; search answers from the current rows.");
        Add("COMPLETED", "COMPLETED", "Swapped in: search answers from the rebuilt rows.");
        Add("ABANDONED", "ABANDONED", "Made no progress for too long and was superseded by a newer request.");
    }
}

internal sealed class CatalogSearchReindexType : ObjectGraphType<SearchReindex>
{
    public CatalogSearchReindexType()
    {
        Name = SearchContribution.ReindexTypeName;
        Description = "A full rebuild of the product search projection.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(SearchContribution.ReindexTypeName, c.Source.Id));
        Field<NonNullGraphType<CatalogSearchReindexStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("batchSize").Resolve(c => c.Source.BatchSize);
        Field<NonNullGraphType<IntGraphType>>("batchesTotal").Description("0 until the rebuild has started.").Resolve(c => c.Source.BatchesTotal);
        Field<NonNullGraphType<IntGraphType>>("batchesDone").Resolve(c => c.Source.BatchesDone);
        Field<NonNullGraphType<IntGraphType>>("productsTotal").Description("Products when the rebuild started.").Resolve(c => checked((int)c.Source.ProductsTotal));
        Field<NonNullGraphType<IntGraphType>>("productsIndexed").Description("Rows written into the new projection so far.").Resolve(c => checked((int)c.Source.ProductsIndexed));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("requestedAt").Resolve(c => Time(c.Source.RequestedAt));
        Field<UtcDateTimeGraphType>("startedAt").Resolve(c => Time(c.Source.StartedAt));
        Field<UtcDateTimeGraphType>("completedAt").Resolve(c => Time(c.Source.CompletedAt));
        Field<StringGraphType>("note").Resolve(c => string.IsNullOrEmpty(c.Source.Note) ? null : c.Source.Note);
    }

    private static DateTimeOffset? Time(string value) =>
        string.IsNullOrEmpty(value) ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

internal sealed class CatalogSearchReindexInputType : InputObjectGraphType
{
    public CatalogSearchReindexInputType()
    {
        Name = "CatalogSearchReindexInput";
        Field<IntGraphType>("batchSize").Description("Products per batch, 100 to 10000 (default 1000).");
    }
}

internal sealed class CatalogSearchReindexPayloadType : ObjectGraphType<ReindexPayload>
{
    public CatalogSearchReindexPayloadType()
    {
        Name = "CatalogSearchReindexPayload";
        Field<CatalogSearchReindexType>("reindex").Description("The rebuild started, or the one already in flight.").Resolve(c => c.Source.Reindex);
        Field<NonNullGraphType<BooleanGraphType>>("started").Description("False when a rebuild was already in flight.").Resolve(c => c.Source.Started);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
