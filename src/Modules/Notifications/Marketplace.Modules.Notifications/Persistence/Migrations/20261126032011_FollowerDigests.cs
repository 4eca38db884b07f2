using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Notifications.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class FollowerDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follower_digest_products",
                schema: "notifications",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    digest_id = table.Column<Guid>(type: "uuid", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follower_digest_products", x => x.product_id);
                });

            migrationBuilder.CreateTable(
                name: "follower_digests",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    product_count = table.Column<int>(type: "integer", nullable: false),
                    product_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cursor = table.Column<Guid>(type: "uuid", nullable: true),
                    notified_count = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follower_digests", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_follower_digest_products_digest_id",
                schema: "notifications",
                table: "follower_digest_products",
                column: "digest_id");

            migrationBuilder.CreateIndex(
                name: "ix_follower_digests_state_closes_at",
                schema: "notifications",
                table: "follower_digests",
                columns: new[] { "state", "closes_at" });

            migrationBuilder.CreateIndex(
                name: "ux_follower_digests_open_store",
                schema: "notifications",
                table: "follower_digests",
                column: "store_id",
                unique: true,
                filter: "state = 'OPEN'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follower_digest_products",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "follower_digests",
                schema: "notifications");
        }
    }
}
