using GraphQL;
using GraphQLParser.AST;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

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
        "__typename", "id", "title", "slug", "status", "store", "category", "priceRange", "publishedAt", "createdAt",
    };

    public static async Task<List<NearbyProductHit>> HitsAsync(IResolveFieldContext context, IReadOnlyList<NearbyProduct> found, CancellationToken cancellationToken)
    {
        if (found.Count == 0 || !NeedsProducts(context))
            return found.Select(f => new NearbyProductHit(FromProjection(f), f.DistanceMeters, f.Key)).ToList();
        var products = (await CatalogArea.Products(context).GetProductsAsync(new GetProductsRequest { Ids = { found.Select(f => f.ProductId) } }, cancellationToken: cancellationToken))
            .Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return found.Where(f => products.ContainsKey(f.ProductId)).Select(f => new NearbyProductHit(products[f.ProductId], f.DistanceMeters, f.Key)).ToList();
    }

    /// <summary>A product as the projection knows it: only the covered fields are set (nothing else is asked for).</summary>
    private static Product FromProjection(NearbyProduct hit) => new()
    {
        Id = hit.ProductId,
        StoreId = hit.StoreId,
        Title = hit.Title,
        Slug = hit.Slug,
        CategoryId = hit.CategoryId,
        Status = "ACTIVE",
        MinPrice = hit.MinPrice,
        MaxPrice = hit.MaxPrice,
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

    /// <summary>The store fields Catalog's copy answers (the hit's store facts).</summary>
    private static readonly HashSet<string> StoreCovered = new(StringComparer.Ordinal)
    {
        "__typename", "id", "name", "slug", "location", "serviceRadiusKm", "status",
    };

    /// <summary>
    /// Whether no <c>store</c> field anywhere in the operation (a product's store, a facet's store, through fragments)
    /// asks for more than the store facts a search hit carries: then the page's stores are primed from the hits and cost
    /// no Sellers call. Conservative: any other field under any <c>store</c> (followersCount, description, …) keeps the
    /// batched <c>GetStores</c> call for all of them.
    /// </summary>
    public static bool StoreFactsSuffice(IResolveFieldContext context)
    {
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var sets = context.Document.Definitions.OfType<GraphQLOperationDefinition>().Select(o => o.SelectionSet)
            .Concat(fragments.Values.Select(f => f.SelectionSet));
        return sets.All(set => StoresCovered(set, fragments, 0));
    }

    private static bool StoresCovered(GraphQLSelectionSet? set, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, int depth)
    {
        if (set is null || depth > 20)
            return true;
        foreach (var field in Fields(set, fragments))
        {
            if (field.Name.StringValue == "store" && Fields(field.SelectionSet, fragments).Any(f => !StoreCovered.Contains(f.Name.StringValue)))
                return false;
            if (!StoresCovered(field.SelectionSet, fragments, depth + 1))
                return false;
        }

        return true;
    }

    /// <summary>A hit's store as a Sellers <c>Store</c> message holding the listing facts only.</summary>
    public static Modules.Sellers.Contracts.V1.Store? StoreOf(NearbyProduct hit) =>
        ListedStore(hit.StoreId, hit.StoreName, hit.StoreSlug, hit.StoreLocation, hit.StoreServiceRadiusKm);

    /// <summary>A store facet value's store as a Sellers <c>Store</c> message holding the listing facts only.</summary>
    public static Modules.Sellers.Contracts.V1.Store? StoreOf(SearchFacetCount value) =>
        ListedStore(value.Id, value.StoreName, value.StoreSlug, value.StoreLocation, value.StoreServiceRadiusKm);

    /// <summary>Catalog's listing facts of an ACTIVE store (the search reads ACTIVE stores only); null when it had none (empty name).</summary>
    private static Modules.Sellers.Contracts.V1.Store? ListedStore(string id, string name, string slug, Marketplace.Shared.Contracts.V1.GeoPoint location, double serviceRadiusKm) =>
        name.Length == 0 ? null : new() { Id = id, Name = name, Slug = slug, Location = location, ServiceRadiusKm = serviceRadiusKm, Status = "ACTIVE" };

    /// <summary>Whether the field's own selection set names <paramref name="name"/> (through fragments).</summary>
    public static bool Selects(IResolveFieldContext context, string name)
    {
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        return Fields(context.FieldAst.SelectionSet, fragments).Any(f => f.Name.StringValue == name);
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
