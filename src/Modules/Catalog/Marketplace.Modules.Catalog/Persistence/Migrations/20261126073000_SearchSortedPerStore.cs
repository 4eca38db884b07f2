using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Catalog.Persistence.Migrations
{
    /// <summary>
    /// Two covering indexes of the searchable rows by store and then by lowest price or by publication time (and product
    /// id), so a page sorted by either takes each store's first rows in that order instead of every row in the radius
    /// (docs/catalog-search.md, "How the SQL runs").
    /// </summary>
    [DbContext(typeof(CatalogDbContext))]
    [Migration("20261126073000_SearchSortedPerStore")]
    internal sealed class SearchSortedPerStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_search_products_by_price ON catalog.search_products (store_id, min_price, product_id)
                    INCLUDE (published_at, category_id, in_stock) WHERE searchable;
                CREATE INDEX ix_search_products_by_newest ON catalog.search_products (store_id, published_at, product_id)
                    INCLUDE (min_price, category_id, in_stock) WHERE searchable;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX catalog.ix_search_products_by_price;
                DROP INDEX catalog.ix_search_products_by_newest;
                """);
        }
    }
}
