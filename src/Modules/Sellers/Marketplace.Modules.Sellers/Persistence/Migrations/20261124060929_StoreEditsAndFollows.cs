using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Sellers.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class StoreEditsAndFollows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "banner",
                schema: "sellers",
                table: "stores",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "categories",
                schema: "sellers",
                table: "stores",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<long>(
                name: "followers_count",
                schema: "sellers",
                table: "stores",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "logo",
                schema: "sellers",
                table: "stores",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "opening_hours",
                schema: "sellers",
                table: "stores",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "status_before_suspension",
                schema: "sellers",
                table: "stores",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "suspension_reason",
                schema: "sellers",
                table: "stores",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "version",
                schema: "sellers",
                table: "stores",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);

            migrationBuilder.CreateTable(
                name: "store_follows",
                schema: "sellers",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    followed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_store_follows", x => new { x.user_id, x.store_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_store_follows_store_id",
                schema: "sellers",
                table: "store_follows",
                column: "store_id");

            migrationBuilder.CreateIndex(
                name: "ix_store_follows_user_id_followed_at_store_id",
                schema: "sellers",
                table: "store_follows",
                columns: new[] { "user_id", "followed_at", "store_id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "store_follows",
                schema: "sellers");

            migrationBuilder.DropColumn(
                name: "banner",
                schema: "sellers",
                table: "stores");

            migrationBuilder.DropColumn(
                name: "categories",
                schema: "sellers",
                table: "stores");

            migrationBuilder.DropColumn(
                name: "followers_count",
                schema: "sellers",
                table: "stores");

            migrationBuilder.DropColumn(
                name: "logo",
                schema: "sellers",
                table: "stores");

            migrationBuilder.DropColumn(
                name: "opening_hours",
                schema: "sellers",
                table: "stores");

            migrationBuilder.DropColumn(
                name: "status_before_suspension",
                schema: "sellers",
                table: "stores");

            migrationBuilder.DropColumn(
                name: "suspension_reason",
                schema: "sellers",
                table: "stores");

            migrationBuilder.DropColumn(
                name: "version",
                schema: "sellers",
                table: "stores");
        }
    }
}
