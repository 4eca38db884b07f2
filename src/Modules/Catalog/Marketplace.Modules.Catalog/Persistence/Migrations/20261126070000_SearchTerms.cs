using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Catalog.Persistence.Migrations
{
    /// <summary>
    /// <c>catalog.search_terms</c>: the search rows' words as a narrow table, one row per (word, store, product) of every
    /// searchable row, with the word's weight in that product (title 1.0, category names 0.4, description 0.2 per
    /// occurrence: ts_rank's default weights) and what filters and sorts read (category, lowest price, publication time,
    /// stock). Its primary key covers them all, so a plain-word search within a radius is one index-only probe per
    /// (word, store in the radius): it never reads the search rows' tsvectors to rank them (docs/catalog-search.md).
    /// Kept by statement triggers on <c>search_products</c> (and on the reindex's shadow table, into
    /// <c>search_terms_next</c>, swapped in with it): every writer of the projection keeps the terms without knowing
    /// of them. A word's rows are replaced only when its search row's words, store, visibility or filter columns changed.
    /// </summary>
    [DbContext(typeof(CatalogDbContext))]
    [Migration("20261126070000_SearchTerms")]
    internal sealed class SearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE catalog.search_terms (
                    lexeme text NOT NULL,
                    store_id uuid NOT NULL,
                    product_id uuid NOT NULL,
                    weight real NOT NULL,
                    category_id uuid NOT NULL,
                    min_price numeric(19,4) NOT NULL,
                    published_at timestamptz NOT NULL,
                    in_stock boolean NOT NULL);

                -- The weight of one word in one row: its positions' weights as ts_rank counts them by default (D 0.1, C 0.2,
                -- B 0.4, A 1.0), summed. A word without positions counts as D.
                CREATE FUNCTION catalog.search_term_weight(weights text[]) RETURNS real
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(sum(CASE w WHEN 'A' THEN 1.0 WHEN 'B' THEN 0.4 WHEN 'C' THEN 0.2 ELSE 0.1 END), 0.1)::real
                    FROM unnest(weights) AS w
                $$;

                -- One trigger function for the live table and the reindex's shadow: search_products writes search_terms,
                -- search_products_next writes search_terms_next (by name, so the swap's renames carry over). Rows of the
                -- words in a search row: its tsvector's lexemes except the grid cells' and the store's tokens (~…).
                CREATE FUNCTION catalog.search_terms_sync() RETURNS trigger
                LANGUAGE plpgsql AS $$
                DECLARE
                    terms text := format('catalog.%I', replace(TG_TABLE_NAME, 'products', 'terms'));
                    -- An update that changed nothing the terms hold (a redelivered event's rebuild) leaves them alone.
                    changed text := '(n.searchable, n.store_id, n.category_id, n.min_price, n.published_at, n.in_stock, n.search_vector)
                                     IS DISTINCT FROM (o.searchable, o.store_id, o.category_id, o.min_price, o.published_at, o.in_stock, o.search_vector)';
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        -- Two commands (an insert racing a delete of the same key in one statement would meet its own
                        -- deleted row): first the old words of the rows that changed, then their new words.
                        EXECUTE format($q$
                            DELETE FROM %1$s t
                            USING (SELECT o.product_id, o.store_id, o.search_vector
                                   FROM new_rows n JOIN old_rows o ON o.product_id = n.product_id
                                   WHERE %2$s) c,
                                  unnest(c.search_vector) AS u
                            WHERE t.lexeme = u.lexeme AND t.store_id = c.store_id AND t.product_id = c.product_id
                            $q$, terms, changed);
                        EXECUTE format($q$
                            INSERT INTO %1$s AS t (lexeme, store_id, product_id, weight, category_id, min_price, published_at, in_stock)
                            SELECT u.lexeme, c.store_id, c.product_id, catalog.search_term_weight(u.weights), c.category_id, c.min_price,
                                   c.published_at, coalesce(c.in_stock, false)
                            FROM (SELECT n.* FROM new_rows n JOIN old_rows o ON o.product_id = n.product_id WHERE %2$s) c
                            CROSS JOIN LATERAL unnest(c.search_vector) AS u
                            WHERE c.searchable AND left(u.lexeme, 1) <> '~'
                            ON CONFLICT (lexeme, store_id, product_id) DO UPDATE
                            SET weight = excluded.weight, category_id = excluded.category_id, min_price = excluded.min_price,
                                published_at = excluded.published_at, in_stock = excluded.in_stock
                            $q$, terms, changed);
                    ELSIF TG_OP = 'INSERT' THEN
                        EXECUTE format($q$
                            INSERT INTO %1$s AS t (lexeme, store_id, product_id, weight, category_id, min_price, published_at, in_stock)
                            SELECT u.lexeme, n.store_id, n.product_id, catalog.search_term_weight(u.weights), n.category_id, n.min_price,
                                   n.published_at, coalesce(n.in_stock, false)
                            FROM new_rows n CROSS JOIN LATERAL unnest(n.search_vector) AS u
                            WHERE n.searchable AND left(u.lexeme, 1) <> '~'
                            ON CONFLICT (lexeme, store_id, product_id) DO UPDATE
                            SET weight = excluded.weight, category_id = excluded.category_id, min_price = excluded.min_price,
                                published_at = excluded.published_at, in_stock = excluded.in_stock
                            $q$, terms);
                    ELSE
                        EXECUTE format($q$
                            DELETE FROM %1$s t USING old_rows o, unnest(o.search_vector) AS u
                            WHERE t.lexeme = u.lexeme AND t.store_id = o.store_id AND t.product_id = o.product_id
                            $q$, terms);
                    END IF;
                    RETURN NULL;
                END
                $$;

                -- Writers wait for the backfill (the migration's transaction), so no change slips between it and the triggers.
                LOCK TABLE catalog.search_products IN SHARE MODE;
                INSERT INTO catalog.search_terms (lexeme, store_id, product_id, weight, category_id, min_price, published_at, in_stock)
                SELECT u.lexeme, sp.store_id, sp.product_id, catalog.search_term_weight(u.weights), sp.category_id, sp.min_price,
                       sp.published_at, coalesce(sp.in_stock, false)
                FROM catalog.search_products sp CROSS JOIN LATERAL unnest(sp.search_vector) AS u
                WHERE sp.searchable AND left(u.lexeme, 1) <> '~';
                ALTER TABLE catalog.search_terms ADD CONSTRAINT pk_search_terms PRIMARY KEY (lexeme, store_id, product_id)
                    INCLUDE (weight, category_id, min_price, published_at, in_stock);
                CREATE TRIGGER search_terms_inserted AFTER INSERT ON catalog.search_products
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog.search_terms_sync();
                CREATE TRIGGER search_terms_updated AFTER UPDATE ON catalog.search_products
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog.search_terms_sync();
                CREATE TRIGGER search_terms_deleted AFTER DELETE ON catalog.search_products
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog.search_terms_sync();

                ANALYZE catalog.search_terms;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER search_terms_inserted ON catalog.search_products;
                DROP TRIGGER search_terms_updated ON catalog.search_products;
                DROP TRIGGER search_terms_deleted ON catalog.search_products;
                DROP FUNCTION catalog.search_terms_sync();
                DROP TABLE catalog.search_terms;
                DROP FUNCTION catalog.search_term_weight(text[]);
                """);
        }
    }
}
