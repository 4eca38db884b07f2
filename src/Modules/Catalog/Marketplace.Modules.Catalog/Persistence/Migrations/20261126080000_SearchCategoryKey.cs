using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Catalog.Persistence.Migrations
{
    /// <summary>
    /// A category filter without text reads only the subtree's rows of each store: <c>category_key</c> is the row's
    /// category path and a slash (generated, C collation), so a subtree <c>home/kitchen</c> is the one range
    /// [<c>home/kitchen/</c>, <c>home/kitchen0</c>) of <c>ix_search_products_by_category</c> (store, key, then what the
    /// sorts and facets read). The path follows category moves through the projection's rebuild of the subtree
    /// (<c>category_changed.v1</c>). Not in the EF model (nothing reads it through EF); the reindex's shadow copies it
    /// with the table (<c>LIKE … INCLUDING ALL</c>). Adding the column rewrites the table once.
    /// </summary>
    [DbContext(typeof(CatalogDbContext))]
    [Migration("20261126080000_SearchCategoryKey")]
    internal sealed class SearchCategoryKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE catalog.search_products
                    ADD COLUMN category_key text COLLATE "C" GENERATED ALWAYS AS (category_path || '/') STORED;
                CREATE INDEX ix_search_products_by_category ON catalog.search_products (store_id, category_key, min_price, product_id)
                    INCLUDE (published_at, category_id, in_stock) WHERE searchable;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX catalog.ix_search_products_by_category;
                ALTER TABLE catalog.search_products DROP COLUMN category_key;
                """);
        }
    }
}
