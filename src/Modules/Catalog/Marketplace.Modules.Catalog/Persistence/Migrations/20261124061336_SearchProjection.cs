using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using NpgsqlTypes;

#nullable disable

namespace Marketplace.Modules.Catalog.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class SearchProjection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_products",
                schema: "catalog",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    min_price = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    max_price = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    currency = table.Column<string>(type: "character(3)", nullable: true),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_path = table.Column<string>(type: "text", nullable: false),
                    store_name = table.Column<string>(type: "text", nullable: false),
                    location = table.Column<Point>(type: "geography(Point,4326)", nullable: false),
                    store_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    product_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    searchable = table.Column<bool>(type: "boolean", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false),
                    product_version = table.Column<long>(type: "bigint", nullable: false),
                    store_version = table.Column<long>(type: "bigint", nullable: false),
                    indexed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_products", x => x.product_id);
                },
                comment: "Product search projection, rebuilt asynchronously from Catalog's product events and Sellers' store events (docs/catalog-search.md).");

            migrationBuilder.CreateTable(
                name: "search_reindex_batches",
                schema: "catalog",
                columns: table => new
                {
                    reindex_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch = table.Column<int>(type: "integer", nullable: false),
                    products = table.Column<int>(type: "integer", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_reindex_batches", x => new { x.reindex_id, x.batch });
                });

            migrationBuilder.CreateTable(
                name: "search_reindexes",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    batch_size = table.Column<int>(type: "integer", nullable: false),
                    products_total = table.Column<long>(type: "bigint", nullable: false),
                    batches_total = table.Column<int>(type: "integer", nullable: false),
                    batches_done = table.Column<int>(type: "integer", nullable: false),
                    products_indexed = table.Column<long>(type: "bigint", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_progress_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_reindexes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stores",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    location = table.Column<Point>(type: "geography(Point,4326)", nullable: false),
                    service_radius_km = table.Column<double>(type: "double precision", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stores", x => x.id);
                },
                comment: "Catalog's copy of the Sellers module's stores, fed by store_created.v1/store_updated.v1.");

            migrationBuilder.CreateIndex(
                name: "ix_search_products_location",
                schema: "catalog",
                table: "search_products",
                column: "location",
                filter: "searchable")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_search_products_search_vector",
                schema: "catalog",
                table: "search_products",
                column: "search_vector",
                filter: "searchable")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_search_products_store_id",
                schema: "catalog",
                table: "search_products",
                column: "store_id");

            migrationBuilder.CreateIndex(
                name: "ix_search_reindexes_status",
                schema: "catalog",
                table: "search_reindexes",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A reindex may have left its shadow table (catalog.search_products_next) behind.
            migrationBuilder.Sql("DROP TABLE IF EXISTS catalog.search_products_next");

            migrationBuilder.DropTable(
                name: "search_products",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "search_reindex_batches",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "search_reindexes",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "stores",
                schema: "catalog");
        }
    }
}
