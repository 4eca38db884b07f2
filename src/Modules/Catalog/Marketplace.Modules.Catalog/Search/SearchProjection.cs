using System.Data;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Modules.Sellers.Contracts.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Modules.Catalog.Search;

/// <summary>
/// Keeps <c>catalog.search_products</c> in step with the catalog and the store copy. Everything goes through one
/// set-based statement, <see cref="RebuildSql"/>: "rebuild the rows of these products from their current state",
/// used alike by the event handlers (a product's ids, a store's products), the reindex batches (an id range into
/// the shadow table) and the benchmark's loader. It reads the current state rather than the event's payload, so
/// events only say which rows to refresh: a duplicate or late event rebuilds the same row again, and the versions
/// in the upsert's guard keep a statement that read older state (a concurrent rebuild) from overwriting a fresher row.
/// </summary>
internal sealed class SearchProjection(CatalogDbContext db, SellersStores.SellersStoresClient sellers, SearchOptions options, ILogger<SearchProjection> logger)
{
    public const string Table = "search_products";
    public const string ShadowTable = "search_products_next";

    /// <summary>The rows' words with what filters and sorts read (kept by triggers on the projection's tables; see the SearchTerms migration).</summary>
    public const string TermsTable = "search_terms";
    public const string ShadowTermsTable = "search_terms_next";

    /// <summary>
    /// The three statement triggers that keep a projection table's words (<c>catalog.search_terms_sync()</c>, created by the
    /// SearchTerms migration, writes the terms table named after <paramref name="table"/>): the reindexer puts them on its
    /// shadow table, as the migration put them on the live one.
    /// </summary>
    public static string TermsTriggersSql(string table) => $"""
        CREATE TRIGGER search_terms_inserted AFTER INSERT ON catalog.{table}
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog.search_terms_sync();
        CREATE TRIGGER search_terms_updated AFTER UPDATE ON catalog.{table}
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog.search_terms_sync();
        CREATE TRIGGER search_terms_deleted AFTER DELETE ON catalog.{table}
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog.search_terms_sync();
        """;

    /// <summary>
    /// The rows of <c>catalog.search_terms</c> that the searchable rows of <paramref name="table"/> hold (what the terms
    /// triggers write; the benchmark's loader builds the terms in bulk with it).
    /// </summary>
    public static string TermsOfRowsSql(string table) => $"""
        SELECT u.lexeme, sp.store_id, sp.product_id, catalog.search_term_weight(u.weights), sp.category_id, sp.min_price,
               sp.published_at, coalesce(sp.in_stock, false)
        FROM {table} sp CROSS JOIN LATERAL unnest(sp.search_vector) AS u
        WHERE sp.searchable AND left(u.lexeme, 1) <> '~'
        """;

    /// <summary>Which products a rebuild covers: a fragment over <c>p</c> (catalog.products) with its parameters.</summary>
    internal abstract record Selection(string Predicate)
    {
        public abstract void Bind(NpgsqlParameterCollection parameters);
    }

    internal sealed record ProductIds(IReadOnlyCollection<Guid> Ids) : Selection("p.id = ANY(@ids)")
    {
        public override void Bind(NpgsqlParameterCollection parameters) =>
            parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = Ids.ToArray() });
    }

    internal sealed record StoreProducts(Guid StoreId) : Selection("p.store_id = @storeId")
    {
        public override void Bind(NpgsqlParameterCollection parameters) => parameters.AddWithValue("storeId", StoreId);
    }

    /// <summary>Products with <c>after &lt; id ≤ upTo</c> in uuid order (null bounds are open).</summary>
    internal sealed record IdRange(Guid? After, Guid? UpTo)
        : Selection("(@after::uuid IS NULL OR p.id > @after::uuid) AND (@upTo::uuid IS NULL OR p.id <= @upTo::uuid)")
    {
        public override void Bind(NpgsqlParameterCollection parameters)
        {
            parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Uuid) { Value = (object?)After ?? DBNull.Value });
            parameters.Add(new NpgsqlParameter("upTo", NpgsqlDbType.Uuid) { Value = (object?)UpTo ?? DBNull.Value });
        }
    }

    /// <summary>
    /// The rebuild: current product + variants' price range + category path and ancestor names + store copy → one row
    /// each, upserted unless the row holds a newer product or store version. Products whose store copy is missing
    /// produce no row (callers make sure the copy exists first). The words of the titles go into the dictionary of
    /// forgiving search (<c>catalog.search_words</c>; sorted, so concurrent rebuilds take the same order). The text is
    /// indexed with <paramref name="configuration"/> (<see cref="SearchOptions.TextConfiguration"/>), followed by the tokens
    /// of the store's grid cells and of the store itself (<see cref="SearchCells"/>).
    /// </summary>
    public static string RebuildSql(string table, Selection selection, string configuration = SearchText.DefaultConfiguration) => $"""
        WITH src AS (
            SELECT p.id, p.store_id, p.title, p.slug, p.description, p.category_id, p.status, p.version, p.created_at, p.published_at,
                   c.path AS category_path, s.name AS store_name, s.location, s.status AS store_status, s.version AS store_version
            FROM catalog.products p
            JOIN catalog.stores s ON s.id = p.store_id
            JOIN catalog.categories c ON c.id = p.category_id
            WHERE {selection.Predicate}),
        category_names AS (
            SELECT d.category_id, string_agg(a.name, ' ' ORDER BY a.path) AS names
            FROM (SELECT DISTINCT category_id, category_path FROM src) d
            CROSS JOIN LATERAL generate_series(1, array_length(string_to_array(d.category_path, '/'), 1)) AS depth(n)
            JOIN catalog.categories a ON a.path = array_to_string((string_to_array(d.category_path, '/'))[1:depth.n], '/')
            GROUP BY d.category_id),
        prices AS (
            SELECT v.product_id, min(v.price) AS min_price, max(v.price) AS max_price, min(v.currency) AS currency
            FROM catalog.product_variants v
            WHERE v.product_id IN (SELECT id FROM src)
            GROUP BY v.product_id),
        words AS (
            INSERT INTO catalog.search_words (word)
            SELECT DISTINCT w.word FROM src CROSS JOIN LATERAL regexp_split_to_table(lower(src.title), '[^[:alnum:]]+') AS w(word)
            WHERE length(w.word) BETWEEN 3 AND 40
            ORDER BY w.word
            ON CONFLICT (word) DO NOTHING)
        INSERT INTO catalog.{table} AS t (
            product_id, store_id, title, slug, min_price, max_price, currency, category_id, category_path, store_name, location,
            store_status, product_status, searchable, published_at, created_at, search_vector, product_version, store_version, in_stock, indexed_at)
        SELECT src.id, src.store_id, src.title, src.slug, pr.min_price, pr.max_price, pr.currency, src.category_id, src.category_path,
               src.store_name, src.location, src.store_status, src.status,
               src.status = 'ACTIVE' AND src.store_status = 'ACTIVE' AND pr.min_price IS NOT NULL,
               coalesce(src.published_at, src.created_at), src.created_at,
               setweight(to_tsvector('{configuration}'::regconfig, src.title), 'A')
                 || setweight(to_tsvector('{configuration}'::regconfig, coalesce(n.names, '')), 'B')
                 || setweight(to_tsvector('{configuration}'::regconfig, src.description), 'C')
                 || {SearchCells.TokensSql("src.location")} || {SearchCells.StoreTokenSql("src.store_id")},
               src.version, src.store_version, {InStockSql("src.id")}, now()
        FROM src
        LEFT JOIN prices pr ON pr.product_id = src.id
        LEFT JOIN category_names n ON n.category_id = src.category_id
        ON CONFLICT (product_id) DO UPDATE SET
            store_id = excluded.store_id, title = excluded.title, slug = excluded.slug, min_price = excluded.min_price, max_price = excluded.max_price,
            currency = excluded.currency, category_id = excluded.category_id, category_path = excluded.category_path,
            store_name = excluded.store_name, location = excluded.location, store_status = excluded.store_status,
            product_status = excluded.product_status, searchable = excluded.searchable, published_at = excluded.published_at,
            created_at = excluded.created_at, search_vector = excluded.search_vector, product_version = excluded.product_version,
            store_version = excluded.store_version, in_stock = excluded.in_stock, indexed_at = excluded.indexed_at
        WHERE excluded.product_version >= t.product_version AND excluded.store_version >= t.store_version
        """;

    /// <summary>
    /// Whether the product <paramref name="productId"/> (a SQL expression) has a variant available for sale, from the copy
    /// of Inventory's availability (<see cref="VariantStock"/>); variants no longer in the product do not count.
    /// </summary>
    public static string InStockSql(string productId) => $"""
        EXISTS (SELECT 1 FROM catalog.product_variants v JOIN catalog.variant_stock vs ON vs.variant_id = v.id
                WHERE v.product_id = {productId} AND vs.available_for_sale)
        """;

    /// <summary>
    /// Applies a variant's availability from Inventory's <c>stock_changed.v1</c> when newer than the copy, then sets its
    /// product's <c>in_stock</c> in the projection (and in the shadow table while a reindex runs). A row that does not exist
    /// yet gets it when it is built. Product versions are untouched: stock is not a listing change.
    /// </summary>
    public async Task<bool> ApplyStockAsync(Guid variantId, Guid productId, bool availableForSale, long version, CancellationToken cancellationToken)
    {
        await LockProductsAsync([productId], cancellationToken);
        var changed = await ExecuteAsync(
            """
            INSERT INTO catalog.variant_stock AS vs (variant_id, product_id, available_for_sale, version, synced_at)
            VALUES (@variant, @product, @available, @version, now())
            ON CONFLICT (variant_id) DO UPDATE SET
                product_id = excluded.product_id, available_for_sale = excluded.available_for_sale, version = excluded.version, synced_at = excluded.synced_at
            WHERE vs.version < excluded.version
            """,
            p =>
            {
                p.AddWithValue("variant", variantId);
                p.AddWithValue("product", productId);
                p.AddWithValue("available", availableForSale);
                p.AddWithValue("version", version);
            },
            cancellationToken) > 0;
        if (!changed)
            return false;
        foreach (var table in await TargetsAsync(cancellationToken))
        {
            await ExecuteAsync(
                $"UPDATE catalog.{table} t SET in_stock = {InStockSql("t.product_id")} WHERE t.product_id = @product",
                p => p.AddWithValue("product", productId),
                cancellationToken);
        }

        return true;
    }

    /// <summary>Rebuilds these products' rows (and drops the rows of products that no longer exist).</summary>
    public async Task<int> RefreshProductsAsync(IReadOnlyCollection<Guid> productIds, IReadOnlyCollection<Guid> storeIds, CancellationToken cancellationToken)
    {
        await EnsureStoresAsync(storeIds, cancellationToken);
        await LockProductsAsync(productIds, cancellationToken);
        var written = 0;
        foreach (var table in await TargetsAsync(cancellationToken))
        {
            var selection = new ProductIds(productIds);
            written += await ExecuteAsync(RebuildSql(table, selection, options.TextConfiguration), selection.Bind, cancellationToken);
            await ExecuteAsync(
                $"DELETE FROM catalog.{table} t WHERE t.product_id = ANY(@ids) AND NOT EXISTS (SELECT 1 FROM catalog.products p WHERE p.id = t.product_id)",
                selection.Bind,
                cancellationToken);
        }

        return written;
    }

    /// <summary>Rebuilds every row of a store's products (it moved, closed, reopened or was renamed).</summary>
    public async Task<int> RefreshStoreAsync(Guid storeId, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var table in await TargetsAsync(cancellationToken))
        {
            var selection = new StoreProducts(storeId);
            written += await ExecuteAsync(RebuildSql(table, selection, options.TextConfiguration), selection.Bind, cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Rebuilds the rows of every product in a category's subtree (renamed, new slug or moved: rows copy the path and
    /// the ancestors' names), in statements of a bounded number of products. They all run in the handler's one
    /// transaction; for a subtree holding a large part of the catalog, <c>catalogSearchReindexStart</c> is the batched way.
    /// Product versions are unchanged, so the version guard lets these rebuilds through.
    /// </summary>
    public async Task<int> RefreshCategoryAsync(string path, CancellationToken cancellationToken)
    {
        const int batch = 2000;
        var written = 0;
        var after = Guid.Empty;
        while (true)
        {
            var ids = await ScalarListAsync<Guid>(
                """
                SELECT p.id FROM catalog.products p
                JOIN catalog.categories c ON c.id = p.category_id
                WHERE (c.path = @path OR c.path LIKE @prefix) AND p.id > @after
                ORDER BY p.id LIMIT @limit
                """,
                parameters =>
                {
                    parameters.AddWithValue("path", path);
                    parameters.AddWithValue("prefix", path + "/%");
                    parameters.AddWithValue("after", after);
                    parameters.AddWithValue("limit", batch);
                },
                cancellationToken);
            if (ids.Count == 0)
                return written;
            foreach (var table in await TargetsAsync(cancellationToken))
            {
                var selection = new ProductIds(ids);
                written += await ExecuteAsync(RebuildSql(table, selection, options.TextConfiguration), selection.Bind, cancellationToken);
            }

            if (ids.Count < batch)
                return written;
            after = ids[^1];
        }
    }

    /// <summary>One reindex batch: the products of an id range into the shadow table.</summary>
    public async Task<int> RebuildRangeIntoShadowAsync(Guid? after, Guid? upTo, CancellationToken cancellationToken)
    {
        var missing = await ScalarListAsync<Guid>(
            """
            SELECT DISTINCT p.store_id FROM catalog.products p
            WHERE (@after::uuid IS NULL OR p.id > @after::uuid) AND (@upTo::uuid IS NULL OR p.id <= @upTo::uuid)
              AND NOT EXISTS (SELECT 1 FROM catalog.stores s WHERE s.id = p.store_id)
            """,
            new IdRange(after, upTo).Bind,
            cancellationToken);
        if (missing.Count > 0)
            await FetchStoresAsync(missing, required: false, cancellationToken);
        var selection = new IdRange(after, upTo);
        return await ExecuteAsync(RebuildSql(ShadowTable, selection, options.TextConfiguration), selection.Bind, cancellationToken);
    }

    /// <summary>
    /// Applies a store's state from a Sellers event when it is newer than the copy. True when the copy changed (the
    /// caller then rebuilds the store's products).
    /// </summary>
    public async Task<bool> ApplyStoreAsync(StoreState store, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            """
            INSERT INTO catalog.stores AS s (id, seller_id, name, slug, location, service_radius_km, status, version, synced_at)
            VALUES (@id, @sellerId, @name, @slug, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @radius, @status, @version, now())
            ON CONFLICT (id) DO UPDATE SET
                seller_id = excluded.seller_id, name = excluded.name, slug = excluded.slug, location = excluded.location,
                service_radius_km = excluded.service_radius_km, status = excluded.status, version = excluded.version, synced_at = excluded.synced_at
            WHERE s.version < excluded.version
            """,
            p => store.Bind(p),
            cancellationToken) > 0;

    /// <summary>
    /// A product event can overtake its store's <c>store_created.v1</c> (different streams): fetch the missing copies
    /// through the Sellers contract (as this module, which sees every status) rather than drop the event. Such a copy has
    /// version 0, so the store's own events replace it when they arrive. A store Sellers does not know fails the
    /// handler, which is retried and finally parked, never silently skipped.
    /// </summary>
    public async Task EnsureStoresAsync(IReadOnlyCollection<Guid> storeIds, CancellationToken cancellationToken)
    {
        if (storeIds.Count == 0)
            return;
        var known = await ScalarListAsync<Guid>(
            "SELECT id FROM catalog.stores WHERE id = ANY(@ids)",
            p => p.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = storeIds.ToArray() }),
            cancellationToken);
        var missing = storeIds.Except(known).ToList();
        if (missing.Count > 0)
            await FetchStoresAsync(missing, required: true, cancellationToken);
    }

    private async Task FetchStoresAsync(IReadOnlyList<Guid> storeIds, bool required, CancellationToken cancellationToken)
    {
        foreach (var chunk in storeIds.Chunk(200))
        {
            var request = new GetStoresRequest();
            request.Ids.AddRange(chunk.Select(id => id.ToString()));
            var found = (await sellers.GetStoresAsync(request, cancellationToken: cancellationToken)).Stores;
            foreach (var store in found)
            {
                var state = new StoreState(Guid.Parse(store.Id), Guid.Parse(store.SellerId), store.Name, store.Slug, store.Location.Latitude, store.Location.Longitude, store.ServiceRadiusKm, store.Status, 0);
                await ApplyStoreAsync(state, cancellationToken);
            }

            var absent = chunk.Except(found.Select(s => Guid.Parse(s.Id))).ToList();
            if (absent.Count == 0)
                continue;
            if (required)
                throw new InvalidOperationException($"The Sellers module does not know store(s) {string.Join(", ", absent)}; the event is retried.");
            logger.LogWarning("Search reindex: no store {StoreIds} in the Sellers module; their products stay out of the projection", string.Join(", ", absent));
        }
    }

    /// <summary>
    /// The live table, plus the shadow table while a reindex fills it (so a change made during the rebuild is not lost
    /// at the swap). The KEY SHARE lock on the running reindex makes the swap wait for this transaction, and a handler
    /// that comes after the swap finds it no longer running.
    /// </summary>
    private async Task<IReadOnlyList<string>> TargetsAsync(CancellationToken cancellationToken)
    {
        var running = await ScalarListAsync<Guid>(
            "SELECT id FROM catalog.search_reindexes WHERE status = 'RUNNING' FOR KEY SHARE",
            null,
            cancellationToken);
        return running.Count > 0 ? [Table, ShadowTable] : [Table];
    }

    /// <summary>
    /// Serialises a product's row builds with its stock events until the handler's transaction ends (a transaction-scoped
    /// advisory lock per product, taken in id order). Without it a <c>stock_changed.v1</c> handled while the product's first
    /// build was still uncommitted found no row to update, and the build had read the stock before that commit: the row
    /// stayed out of stock until the next change (an end-to-end journey searching <c>inStockOnly</c> right after stocking
    /// a new product caught it). Whichever comes second now waits for the first's commit and then sees it.
    /// </summary>
    private Task<int> LockProductsAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "SELECT pg_advisory_xact_lock(hashtextextended('catalog.search_products:' || ids.id::text, 0)) FROM (SELECT unnest(@ids::uuid[]) AS id ORDER BY 1) ids",
            p => p.Add(new NpgsqlParameter("ids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid) { Value = productIds.ToArray() }),
            cancellationToken);

    internal async Task<int> ExecuteAsync(string sql, Action<NpgsqlParameterCollection>? bind, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(sql, bind, cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal async Task<List<T>> ScalarListAsync<T>(string sql, Action<NpgsqlParameterCollection>? bind, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(sql, bind, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    /// <summary>A command on the DbContext's connection, in its transaction (the consumer's inbox transaction).</summary>
    private async Task<NpgsqlCommand> CommandAsync(string sql, Action<NpgsqlParameterCollection>? bind, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State != ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection())
        {
            Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction,
        };
        bind?.Invoke(command.Parameters);
        return command;
    }
}
