namespace Marketplace.Modules.Catalog.Search;

/// <summary>Settings under <c>Modules:Catalog:Search</c>.</summary>
internal sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Products per reindex batch when the request names none.</summary>
    public int ReindexBatchSize { get; set; } = 1000;

    /// <summary>A reindex without progress for this long (e.g. a parked batch) may be superseded by a new request.</summary>
    public TimeSpan ReindexStaleAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A pause before each batch, to leave the database to live traffic during a long rebuild (0 = none).</summary>
    public TimeSpan ReindexBatchPause { get; set; } = TimeSpan.Zero;
}
