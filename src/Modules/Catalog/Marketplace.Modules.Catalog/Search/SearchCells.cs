using System.Globalization;

namespace Marketplace.Modules.Catalog.Search;

/// <summary>
/// Where a row is, as words of its text index: each search row's <c>search_vector</c> also holds one token per grid level
/// for its store's place (<c>~a&lt;row&gt;_&lt;column&gt;</c> on a 0.04° grid, <c>~b…</c> on 0.2°, <c>~c…</c> on 0.5°).
/// A text search in web-search syntax (plain words use the words' table, <c>catalog.search_terms</c>) ANDs its words with
/// the cells covering the radius (one level, chosen so a handful of cells cover it),
/// so the GIN index intersects "matches the words" with "is near" itself: a common word no longer means reading its
/// whole posting list (90,000 rows for one word at 1M products) to keep the few hundred in the radius. The exact
/// radius (the stores within it) is checked on the intersection. The tokens cannot collide with text: the parser never
/// produces a lexeme starting with <c>~</c>.
/// <para>
/// Each row also holds its store's token (<c>~s&lt;store id, 32 hex digits&gt;</c>). Where the radius holds few stores
/// (up to <see cref="DefaultStoreTokensUpTo"/>, <c>Search:StoreTokensUpTo</c>), the words are ANDed with those stores'
/// tokens instead of the cells: the index then yields exactly the matches in the radius, and the table is read for them
/// only. Measured at 1M rows (a common word; the machine loaded): 28 stores in 5 km, 515 table pages instead of 1,691 and
/// 3 ms instead of 33; 43 stores, 13–19 ms instead of 53–69; 63 stores, 20–23 ms instead of 64–67; 129 stores, 71–95 ms
/// against 87–115. The index's cost grows with the candidates (every product of those stores) times the alternatives it
/// checks each against (the stores), so beyond about a hundred stores (193 within 20 km of Amsterdam's centre: 76–90 ms
/// against the cells' 47–68) the cells are cheaper.
/// </para>
/// </summary>
internal static class SearchCells
{
    /// <summary>The default of <c>Modules:Catalog:Search:StoreTokensUpTo</c>.</summary>
    public const int DefaultStoreTokensUpTo = 100;

    private static readonly (char Level, double Size)[] Levels = [('a', 0.04), ('b', 0.2), ('c', 0.5)];

    /// <summary>The cells' tokens of a geography point (an SQL expression), as a tsvector to append to the text's.</summary>
    public static string TokensSql(string location) =>
        "array_to_tsvector(ARRAY[" + string.Join(", ", Levels.Select(l =>
        {
            var size = l.Size.ToString(CultureInfo.InvariantCulture);
            return $"'~{l.Level}' || floor(ST_Y({location}::geometry) / {size}::float8)::int || '_' || floor(ST_X({location}::geometry) / {size}::float8)::int";
        })) + "])";

    /// <summary>A store's token (an SQL expression over a uuid), as a tsvector to append to the text's.</summary>
    public static string StoreTokenSql(string storeId) => $"array_to_tsvector(ARRAY[{StoreTokenTextSql(storeId)}])";

    /// <summary>A store's token as text (an SQL expression over a uuid): <c>~s</c> and the id's 32 hex digits.</summary>
    public static string StoreTokenTextSql(string storeId) => $"'~s' || replace({storeId}::text, '-', '')";

    /// <summary>
    /// The tokens of the cells of one level that cover the circle's bounding box: the finest level whose cells span at
    /// least a fifth of the box's height (about 12–40 cells; at 52° N: 5–10 km → 0.04°, 20–40 km → 0.2°, 50–100 km →
    /// 0.5°), wrapping across the antimeridian. Measured at 1M rows: 0.02° cells at 5 km made the GIN scan 3× dearer
    /// (8.6 ms vs 2.5 ms) without reading fewer table rows; 0.5° instead of 1° at 100 km read 20 % fewer.
    /// </summary>
    public static string[] Covering(double latitude, double longitude, double radiusKm)
    {
        const double KmPerDegree = 111.32;
        const double Margin = 1e-9;
        var latSpan = radiusKm / KmPerDegree;
        var (level, size) = Levels.FirstOrDefault(l => l.Size >= 2 * latSpan / 5, Levels[^1]);
        var cos = Math.Cos(Math.Min(Math.Abs(latitude) + latSpan, 90) * Math.PI / 180);
        var lonSpan = cos < 1e-6 ? 180 : Math.Min(180, latSpan / cos);
        var columns = (int)Math.Round(360 / size);
        var firstRow = (int)Math.Floor((Math.Max(-90, latitude - latSpan) - Margin) / size);
        var lastRow = (int)Math.Floor((Math.Min(90, latitude + latSpan) + Margin) / size);
        var firstColumn = (int)Math.Floor((longitude - lonSpan - Margin) / size);
        var lastColumn = Math.Min((int)Math.Floor((longitude + lonSpan + Margin) / size), firstColumn + columns - 1);
        var tokens = new List<string>();
        for (var row = firstRow; row <= lastRow; row++)
        {
            for (var column = firstColumn; column <= lastColumn; column++)
            {
                // Columns beyond ±180° are the ones on the other side of the antimeridian.
                var wrapped = ((column + (columns / 2)) % columns + columns) % columns - (columns / 2);
                tokens.Add(FormattableString.Invariant($"~{level}{row}_{wrapped}"));
            }
        }

        return [.. tokens.Distinct(StringComparer.Ordinal)];
    }
}
