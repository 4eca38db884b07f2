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

    /// <summary>
    /// The PostgreSQL text search configuration (language: stemming, stop words) of the projection's text and of queries,
    /// e.g. <c>english</c>, <c>german</c>, <c>simple</c>. Changing it needs a reindex (rows keep the one they were built with).
    /// </summary>
    public string TextConfiguration { get; set; } = SearchText.DefaultConfiguration;

    /// <summary>
    /// A text in web-search syntax (plain words go through the words' table) whose radius holds at most this many ACTIVE
    /// stores asks the text index for the words ANDed with those
    /// stores' tokens (only true matches are read from the table); beyond it, with the grid cells covering the radius
    /// (<see cref="SearchCells"/>). 0: always the cells.
    /// </summary>
    public int StoreTokensUpTo { get; set; } = SearchCells.DefaultStoreTokensUpTo;
}
