using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Catalog.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class StockAvailability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "in_stock",
                schema: "catalog",
                table: "search_products",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "variant_stock",
                schema: "catalog",
                columns: table => new
                {
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    available_for_sale = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variant_stock", x => x.variant_id);
                },
                comment: "Catalog's copy of Inventory's availability per variant, fed by stock_changed.v1.");

            migrationBuilder.CreateIndex(
                name: "ix_variant_stock_product_id",
                schema: "catalog",
                table: "variant_stock",
                column: "product_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "variant_stock",
                schema: "catalog");

            migrationBuilder.DropColumn(
                name: "in_stock",
                schema: "catalog",
                table: "search_products");
        }
    }
}
