using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NpgsqlTypes;

namespace Marketplace.Modules.Catalog.Search;

/// <summary>
/// A full rebuild of the projection that never takes search offline: <c>search_products</c> keeps answering while a
/// shadow table (<c>search_products_next</c>) is filled batch by batch through JetStream, then the two are swapped in
/// one short transaction. Steps, each an event handled by Catalog in its inbox transaction:
/// <list type="number">
/// <item>request (<c>StartSearchReindex</c>, ADMIN) → a REQUESTED row + <see cref="SearchReindexRequested"/>;</item>
/// <item>requested → create the empty shadow table, cut the products into id ranges, RUNNING, one
/// <see cref="SearchReindexBatchPlanned"/> per range;</item>
/// <item>batch → rebuild that range into the shadow table (the same SQL as live updates), count it once; the last one
/// adds <see cref="SearchReindexBuilt"/>;</item>
/// <item>built → analyze, lock both tables, drop the old one, rename the shadow and its indexes, COMPLETED.</item>
/// </list>
/// While RUNNING, live updates write both tables, so changes made during the rebuild survive the swap.
/// </summary>
internal sealed class SearchReindexer(CatalogDbContext db, SearchProjection projection, SearchOptions options, TimeProvider clock, ILogger<SearchReindexer> logger)
{
    public const int MinBatchSize = 100;
    public const int MaxBatchSize = 10_000;

    /// <summary>Step 2: an empty shadow table, the id ranges, one batch event each.</summary>
    public async Task StartAsync(SearchReindexRequested request, CancellationToken cancellationToken)
    {
        var run = await db.Set<SearchReindex>()
            .FromSql($"SELECT * FROM catalog.search_reindexes WHERE id = {request.ReindexId} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
        if (run is not { Status: SearchReindexStatus.Requested })
            return;

        // Indexes, defaults and constraints come along (LIKE … INCLUDING ALL), so batch upserts and the KNN/GIN indexes
        // work on the shadow exactly as on the live table.
        // Triggers do not come along: the shadow gets the live table's terms triggers, which write its words into the
        // shadow terms table (search_terms_next, by the table's name), swapped in with it.
        await projection.ExecuteAsync($"DROP TABLE IF EXISTS catalog.{SearchProjection.ShadowTable}", null, cancellationToken);
        await projection.ExecuteAsync($"DROP TABLE IF EXISTS catalog.{SearchProjection.ShadowTermsTable}", null, cancellationToken);
        await projection.ExecuteAsync($"CREATE TABLE catalog.{SearchProjection.ShadowTable} (LIKE catalog.{SearchProjection.Table} INCLUDING ALL)", null, cancellationToken);
        await projection.ExecuteAsync($"CREATE TABLE catalog.{SearchProjection.ShadowTermsTable} (LIKE catalog.{SearchProjection.TermsTable} INCLUDING ALL)", null, cancellationToken);
        await projection.ExecuteAsync(SearchProjection.TermsTriggersSql(SearchProjection.ShadowTable), null, cancellationToken);

        var total = (await projection.ScalarListAsync<long>("SELECT count(*) FROM catalog.products", null, cancellationToken))[0];
        var bounds = await projection.ScalarListAsync<Guid>(
            "SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM catalog.products) ranked WHERE n % @size = 0 ORDER BY id",
            p => p.AddWithValue("size", (long)run.BatchSize),
            cancellationToken);
        // (null, b1], (b1, b2], …, (bk, null): the open ends also take products created while the rebuild runs.
        var ranges = new List<(Guid? After, Guid? UpTo)>();
        Guid? previous = null;
        foreach (var bound in bounds)
        {
            ranges.Add((previous, bound));
            previous = bound;
        }

        ranges.Add((previous, null));

        var now = clock.GetUtcNow();
        run.Status = SearchReindexStatus.Running;
        run.StartedAt = now;
        run.LastProgressAt = now;
        run.ProductsTotal = total;
        run.BatchesTotal = ranges.Count;
        for (var i = 0; i < ranges.Count; i++)
            db.AddEvent(new SearchReindexBatchPlanned(run.Id, i + 1, ranges[i].After, ranges[i].UpTo, now));
        logger.LogInformation("Search reindex {ReindexId}: {Products} products in {Batches} batches", run.Id, total, ranges.Count);
    }

    /// <summary>Step 3: one range into the shadow table; the last batch asks for the swap.</summary>
    public async Task RunBatchAsync(SearchReindexBatchPlanned batch, CancellationToken cancellationToken)
    {
        var status = await projection.ScalarListAsync<string>(
            "SELECT status FROM catalog.search_reindexes WHERE id = @id",
            p => p.AddWithValue("id", batch.ReindexId),
            cancellationToken);
        if (status is not [SearchReindexStatus.Running])
            return;

        if (options.ReindexBatchPause > TimeSpan.Zero)
            await Task.Delay(options.ReindexBatchPause, clock, cancellationToken);
        var rows = await projection.RebuildRangeIntoShadowAsync(batch.AfterProductId, batch.UpToProductId, cancellationToken);
        SearchMetrics.RowsRebuilt.Add(rows, new KeyValuePair<string, object?>("table", SearchProjection.ShadowTable));
        var counted = await projection.ExecuteAsync(
            "INSERT INTO catalog.search_reindex_batches (reindex_id, batch, products, done_at) VALUES (@id, @batch, @rows, now()) ON CONFLICT DO NOTHING",
            p =>
            {
                p.AddWithValue("id", batch.ReindexId);
                p.AddWithValue("batch", batch.Batch);
                p.AddWithValue("rows", rows);
            },
            cancellationToken);
        if (counted == 0)
            return;

        var progress = await projection.ScalarListAsync<bool>(
            """
            UPDATE catalog.search_reindexes
            SET batches_done = batches_done + 1, products_indexed = products_indexed + @rows, last_progress_at = now()
            WHERE id = @id AND status = 'RUNNING'
            RETURNING batches_done = batches_total
            """,
            p =>
            {
                p.AddWithValue("id", batch.ReindexId);
                p.Add(new Npgsql.NpgsqlParameter("rows", NpgsqlDbType.Bigint) { Value = (long)rows });
            },
            cancellationToken);
        if (progress is [true])
            db.AddEvent(new SearchReindexBuilt(batch.ReindexId, clock.GetUtcNow()));
    }

    /// <summary>Step 4: swap the shadow in. Readers wait for the swap's few catalog updates, never for the rebuild.</summary>
    public async Task SwapAsync(SearchReindexBuilt built, CancellationToken cancellationToken)
    {
        var status = await projection.ScalarListAsync<string>(
            "SELECT status FROM catalog.search_reindexes WHERE id = @id",
            p => p.AddWithValue("id", built.ReindexId),
            cancellationToken);
        if (status is not [SearchReindexStatus.Running])
            return;

        // Statistics first (outside the locks): the new table must not be planned blind after the swap.
        await projection.ExecuteAsync($"ANALYZE catalog.{SearchProjection.ShadowTable}", null, cancellationToken);
        await projection.ExecuteAsync($"ANALYZE catalog.{SearchProjection.ShadowTermsTable}", null, cancellationToken);
        // Live handlers hold KEY SHARE on the running row while they write both tables: wait for them, stop new ones.
        status = await projection.ScalarListAsync<string>(
            "SELECT status FROM catalog.search_reindexes WHERE id = @id FOR UPDATE",
            p => p.AddWithValue("id", built.ReindexId),
            cancellationToken);
        if (status is not [SearchReindexStatus.Running])
            return;

        await projection.ExecuteAsync(
            $"LOCK TABLE catalog.{SearchProjection.Table}, catalog.{SearchProjection.ShadowTable}, catalog.{SearchProjection.TermsTable}, catalog.{SearchProjection.ShadowTermsTable} IN ACCESS EXCLUSIVE MODE",
            null,
            cancellationToken);
        await ReplaceAsync(SearchProjection.Table, SearchProjection.ShadowTable, cancellationToken);
        await ReplaceAsync(SearchProjection.TermsTable, SearchProjection.ShadowTermsTable, cancellationToken);

        await projection.ExecuteAsync(
            "UPDATE catalog.search_reindexes SET status = 'COMPLETED', completed_at = now(), last_progress_at = now() WHERE id = @id",
            p => p.AddWithValue("id", built.ReindexId),
            cancellationToken);
        logger.LogInformation("Search reindex {ReindexId} swapped in", built.ReindexId);
    }

    /// <summary>Drops <paramref name="table"/> and renames <paramref name="shadow"/> to it, keeping the canonical index (and primary key) names, so later migrations find them.</summary>
    private async Task ReplaceAsync(string table, string shadow, CancellationToken cancellationToken)
    {
        var live = await IndexesAsync(table, cancellationToken);
        var shadowIndexes = await IndexesAsync(shadow, cancellationToken);
        await projection.ExecuteAsync($"DROP TABLE catalog.{table}", null, cancellationToken);
        await projection.ExecuteAsync($"ALTER TABLE catalog.{shadow} RENAME TO {table}", null, cancellationToken);
        foreach (var (definition, name) in shadowIndexes)
        {
            if (live.TryGetValue(definition, out var canonical) && canonical != name)
                await projection.ExecuteAsync($"ALTER INDEX catalog.\"{name}\" RENAME TO \"{canonical}\"", null, cancellationToken);
        }
    }

    /// <summary>An index's definition without its name and table ("unique:gist (location) WHERE searchable") → its name.</summary>
    private async Task<Dictionary<string, string>> IndexesAsync(string table, CancellationToken cancellationToken)
    {
        var rows = await projection.ScalarListAsync<string[]>(
            """
            SELECT ARRAY[c.relname, i.indisunique::text || ':' || substring(pg_get_indexdef(i.indexrelid) FROM ' USING (.*)$')]
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = to_regclass(@table)
            """,
            p => p.AddWithValue("table", $"catalog.{table}"),
            cancellationToken);
        return rows.ToDictionary(r => r[1], r => r[0], StringComparer.Ordinal);
    }
}
