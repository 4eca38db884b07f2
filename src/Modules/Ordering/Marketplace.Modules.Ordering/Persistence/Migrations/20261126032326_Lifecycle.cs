using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Modules.Ordering.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_orders_status",
                schema: "ordering",
                table: "orders");

            migrationBuilder.CreateTable(
                name: "order_effects",
                schema: "ordering",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_effects", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_status_updated_at",
                schema: "ordering",
                table: "orders",
                columns: new[] { "status", "updated_at" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_orders_status",
                schema: "ordering",
                table: "orders",
                sql: "status IN ('PLACED', 'ACCEPTED', 'READY_FOR_PICKUP', 'OUT_FOR_DELIVERY', 'PICKED_UP', 'DELIVERED', 'COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED')");

            migrationBuilder.CreateIndex(
                name: "ix_order_effects_group_id",
                schema: "ordering",
                table: "order_effects",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_effects_next_attempt_at",
                schema: "ordering",
                table: "order_effects",
                column: "next_attempt_at",
                filter: "done_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_order_effects_order_id_kind",
                schema: "ordering",
                table: "order_effects",
                columns: new[] { "order_id", "kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "order_effects",
                schema: "ordering");

            migrationBuilder.DropIndex(
                name: "ix_orders_status_updated_at",
                schema: "ordering",
                table: "orders");

            migrationBuilder.DropCheckConstraint(
                name: "ck_orders_status",
                schema: "ordering",
                table: "orders");

            migrationBuilder.AddCheckConstraint(
                name: "ck_orders_status",
                schema: "ordering",
                table: "orders",
                sql: "status IN ('PLACED', 'ACCEPTED', 'REJECTED', 'READY', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED')");
        }
    }
}
