using NetTopologySuite.Geometries;
using NpgsqlTypes;

namespace Marketplace.Modules.Catalog.Search;

/// <summary>
/// Catalog's copy of a store's listing facts, fed by the Sellers module's <c>store_created.v1</c> and
/// <c>store_updated.v1</c> (never read from the Sellers schema). <see cref="Version"/> is the store's version as
/// Sellers counts it (1 = created); 0 marks a copy fetched through the Sellers contract because a product event
/// arrived first: any event then replaces it.
/// </summary>
internal sealed class StoreCopy
{
    public Guid Id { get; set; }

    public Guid SellerId { get; set; }

    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    public Point Location { get; set; } = null!;

    public double ServiceRadiusKm { get; set; }

    public string Status { get; set; } = "";

    public long Version { get; set; }

    /// <summary>When the copy last changed here (not when the store changed).</summary>
    public DateTimeOffset SyncedAt { get; set; }
}

/// <summary>
/// One row of the search projection <c>catalog.search_products</c>: a product with what a nearby search filters,
/// sorts and shows, denormalised from the product, its variants, its category and its store's copy. Written only
/// by <see cref="SearchProjection"/>'s set-based rebuild; read by <see cref="ProductSearch"/>.
/// </summary>
internal sealed class SearchProduct
{
    public Guid ProductId { get; set; }

    public Guid StoreId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The product's slug (so result lists can link to product pages without another call).</summary>
    public string Slug { get; set; } = "";

    /// <summary>Lowest and highest variant price (null while the product has no variant).</summary>
    public decimal? MinPrice { get; set; }

    public decimal? MaxPrice { get; set; }

    public string? Currency { get; set; }

    public Guid CategoryId { get; set; }

    /// <summary>The category's slug path (<c>home/kitchen/knives</c>) when the row was built.</summary>
    public string CategoryPath { get; set; } = "";

    public string StoreName { get; set; } = "";

    /// <summary>The store's location: products are found where their store is.</summary>
    public Point Location { get; set; } = null!;

    public string StoreStatus { get; set; } = "";

    public string ProductStatus { get; set; } = "";

    /// <summary>ACTIVE product of an ACTIVE store with a price: the rows a search may return (the partial indexes' predicate).</summary>
    public bool Searchable { get; set; }

    /// <summary>When the product was published (its creation time if it never was): NEWEST sorts on it.</summary>
    public DateTimeOffset PublishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Title (weight A) over category names (B) over description (C), English configuration.</summary>
    public NpgsqlTsVector SearchVector { get; set; } = null!;

    /// <summary>The product's and the store copy's versions the row was built from: a stale rebuild never overwrites a fresher row.</summary>
    public long ProductVersion { get; set; }

    public long StoreVersion { get; set; }

    /// <summary>Some variant of the product is available for sale (<see cref="VariantStock"/>): what <c>inStockOnly</c> filters on.</summary>
    public bool InStock { get; set; }

    public DateTimeOffset IndexedAt { get; set; }
}

/// <summary>A word of some product's title (lower case): what forgiving search corrects a typo to.</summary>
internal sealed class SearchWord
{
    public string Word { get; set; } = "";
}

internal static class SearchReindexStatus
{
    public const string Requested = "REQUESTED";
    public const string Running = "RUNNING";
    public const string Completed = "COMPLETED";
    public const string Abandoned = "ABANDONED";
}

/// <summary>A full rebuild of the projection into a shadow table, swapped in when every batch is done.</summary>
internal sealed class SearchReindex
{
    public Guid Id { get; set; }

    public string Status { get; set; } = SearchReindexStatus.Requested;

    public int BatchSize { get; set; }

    public long ProductsTotal { get; set; }

    public int BatchesTotal { get; set; }

    public int BatchesDone { get; set; }

    /// <summary>Rows written into the shadow table by the batches so far.</summary>
    public long ProductsIndexed { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset LastProgressAt { get; set; }

    public string? Note { get; set; }
}

/// <summary>A batch of a rebuild that is done (so a batch counts once, whatever the deliveries).</summary>
internal sealed class SearchReindexBatch
{
    public Guid ReindexId { get; set; }

    public int Batch { get; set; }

    public int Products { get; set; }

    public DateTimeOffset DoneAt { get; set; }
}
