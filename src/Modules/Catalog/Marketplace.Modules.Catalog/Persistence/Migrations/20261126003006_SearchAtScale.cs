using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Catalog.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class SearchAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:fuzzystrmatch", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.AddColumn<string>(
                name: "slug",
                schema: "catalog",
                table: "search_products",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "slug",
                schema: "catalog",
                table: "products",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "search_words",
                schema: "catalog",
                columns: table => new
                {
                    word = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_words", x => x.word);
                },
                comment: "Words of product titles: the dictionary forgiving search corrects typos against (pg_trgm).");

            // Existing products get the slug new ones get (ProductSlugs: title words, then the last 8 hex digits of the id;
            // letters with diacritics are dropped here rather than transliterated), before the unique index; the search
            // rows copy it, and the title dictionary of forgiving search is filled from the rows' titles. The literal
            // cell tokens below are SearchCells.TokensSql's (0.04°, 0.2°, 0.5° grids), frozen here as migrations are.
            migrationBuilder.Sql("""
                UPDATE catalog.products
                SET slug = left(coalesce(nullif(trim(BOTH '-' FROM regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g')), ''), 'product'), 71)
                           || '-' || right(replace(id::text, '-', ''), 8)
                WHERE slug = '';
                UPDATE catalog.products SET slug = regexp_replace(slug, '-+', '-', 'g') WHERE slug LIKE '%--%';
                -- The rows also get their grid-cell tokens (SearchCells): rewritten once, with the text index rebuilt after.
                DROP INDEX catalog.ix_search_products_search_vector;
                UPDATE catalog.search_products sp
                SET slug = p.slug,
                    search_vector = sp.search_vector || array_to_tsvector(ARRAY[
                        '~a' || floor(ST_Y(sp.location::geometry) / 0.04::float8)::int || '_' || floor(ST_X(sp.location::geometry) / 0.04::float8)::int,
                        '~b' || floor(ST_Y(sp.location::geometry) / 0.2::float8)::int || '_' || floor(ST_X(sp.location::geometry) / 0.2::float8)::int,
                        '~c' || floor(ST_Y(sp.location::geometry) / 0.5::float8)::int || '_' || floor(ST_X(sp.location::geometry) / 0.5::float8)::int])
                FROM catalog.products p WHERE p.id = sp.product_id;
                CREATE INDEX ix_search_products_search_vector ON catalog.search_products USING gin (search_vector) WHERE searchable;
                INSERT INTO catalog.search_words (word)
                SELECT DISTINCT w.word FROM catalog.search_products sp
                CROSS JOIN LATERAL regexp_split_to_table(lower(sp.title), '[^[:alnum:]]+') AS w(word)
                WHERE length(w.word) BETWEEN 3 AND 40
                ON CONFLICT (word) DO NOTHING;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_stores_location_active",
                schema: "catalog",
                table: "stores",
                column: "location",
                filter: "status = 'ACTIVE'")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_search_products_nearby",
                schema: "catalog",
                table: "search_products",
                column: "store_id",
                filter: "searchable")
                .Annotation("Npgsql:IndexInclude", new[] { "product_id", "min_price", "published_at", "category_id", "in_stock" });

            migrationBuilder.CreateIndex(
                name: "ix_products_slug",
                schema: "catalog",
                table: "products",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_search_words_trigrams",
                schema: "catalog",
                table: "search_words",
                column: "word")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_words",
                schema: "catalog");

            migrationBuilder.DropIndex(
                name: "ix_stores_location_active",
                schema: "catalog",
                table: "stores");

            migrationBuilder.DropIndex(
                name: "ix_search_products_nearby",
                schema: "catalog",
                table: "search_products");

            migrationBuilder.DropIndex(
                name: "ix_products_slug",
                schema: "catalog",
                table: "products");

            migrationBuilder.DropColumn(
                name: "slug",
                schema: "catalog",
                table: "search_products");

            migrationBuilder.DropColumn(
                name: "slug",
                schema: "catalog",
                table: "products");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:fuzzystrmatch", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,");
        }
    }
}
