using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Catalog.Persistence.Migrations
{
    /// <summary>
    /// The price facet's bucket of a row, stored: <c>price_bucket</c> is <c>width_bucket(min_price, bounds)</c> with the
    /// bounds of <c>SearchSql.PriceBucketBounds</c> (generated), and the two indexes that counts read without text
    /// (<c>ix_search_products_nearby</c>, <c>ix_search_products_by_category</c>) include it — computing it per counted row
    /// on numeric was a fifth of the counts' time (≈ 3.5 ms over the 37,000 rows within 100 km of the densest city at 1M
    /// products). Changing the bounds is a migration. Both indexes are kept out of the EF model from here on (raw, as the
    /// category key's); the reindex's shadow copies them with the table (<c>LIKE … INCLUDING ALL</c>). Adding the column
    /// rewrites the table once.
    /// </summary>
    [DbContext(typeof(CatalogDbContext))]
    [Migration("20261126100000_SearchPriceBucket")]
    internal sealed class SearchPriceBucket : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE catalog.search_products
                    ADD COLUMN price_bucket integer GENERATED ALWAYS AS (width_bucket(min_price, '{10,25,50,100,250,500,1000}'::numeric[])) STORED;
                DROP INDEX catalog.ix_search_products_nearby;
                CREATE INDEX ix_search_products_nearby ON catalog.search_products (store_id)
                    INCLUDE (product_id, min_price, published_at, category_id, in_stock, price_bucket) WHERE searchable;
                DROP INDEX catalog.ix_search_products_by_category;
                CREATE INDEX ix_search_products_by_category ON catalog.search_products (store_id, category_key, min_price, product_id)
                    INCLUDE (published_at, category_id, in_stock, price_bucket) WHERE searchable;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX catalog.ix_search_products_by_category;
                CREATE INDEX ix_search_products_by_category ON catalog.search_products (store_id, category_key, min_price, product_id)
                    INCLUDE (published_at, category_id, in_stock) WHERE searchable;
                DROP INDEX catalog.ix_search_products_nearby;
                CREATE INDEX ix_search_products_nearby ON catalog.search_products (store_id)
                    INCLUDE (product_id, min_price, published_at, category_id, in_stock) WHERE searchable;
                ALTER TABLE catalog.search_products DROP COLUMN price_bucket;
                """);
        }
    }
}
