using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Users.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class AvatarReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // avatar_media_id held any text of up to 64 characters; the avatar is a media reference now (a Media asset id or
            // an https:// URL, up to 2048 characters), read back as one. Values that are neither are dropped.
            migrationBuilder.RenameColumn(
                name: "avatar_media_id",
                schema: "users",
                table: "users",
                newName: "avatar");

            migrationBuilder.AlterColumn<string>(
                name: "avatar",
                schema: "users",
                table: "users",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.Sql("""
                UPDATE users.users SET avatar = NULL
                WHERE avatar IS NOT NULL
                  AND avatar !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                  AND avatar !~ '^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^[:space:]]*)?$'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE users.users SET avatar = NULL WHERE length(avatar) > 64");

            migrationBuilder.AlterColumn<string>(
                name: "avatar",
                schema: "users",
                table: "users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048,
                oldNullable: true);

            migrationBuilder.RenameColumn(
                name: "avatar",
                schema: "users",
                table: "users",
                newName: "avatar_media_id");
        }
    }
}
