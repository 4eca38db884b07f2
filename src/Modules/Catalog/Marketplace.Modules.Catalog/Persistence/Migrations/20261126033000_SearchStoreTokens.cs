using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Catalog.Persistence.Migrations
{
    /// <summary>
    /// Every search row's text index also gets its store's token (SearchCells.StoreTokenSql: <c>~s</c> and the store id's 32
    /// hex digits, frozen here as migrations are), so a text search within a radius of few stores asks the index for exactly
    /// the matches there. Rewritten once with the text index rebuilt after; a token already present is replaced, so running
    /// it over rows that have one changes nothing. No model change (the column is the same tsvector).
    /// </summary>
    [DbContext(typeof(CatalogDbContext))]
    [Migration("20261126033000_SearchStoreTokens")]
    internal sealed class SearchStoreTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX catalog.ix_search_products_search_vector;
                UPDATE catalog.search_products
                SET search_vector = ts_delete(search_vector, ARRAY(SELECT u.lexeme FROM unnest(search_vector) AS u WHERE u.lexeme LIKE '~s%'))
                                    || array_to_tsvector(ARRAY['~s' || replace(store_id::text, '-', '')]);
                CREATE INDEX ix_search_products_search_vector ON catalog.search_products USING gin (search_vector) WHERE searchable;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE catalog.search_products
                SET search_vector = ts_delete(search_vector, ARRAY(SELECT u.lexeme FROM unnest(search_vector) AS u WHERE u.lexeme LIKE '~s%'));
                """);
        }
    }
}
