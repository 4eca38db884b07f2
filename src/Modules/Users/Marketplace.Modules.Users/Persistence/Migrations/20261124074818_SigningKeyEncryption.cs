using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Users.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class SigningKeyEncryption : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "private_key_encrypted",
                schema: "users",
                table: "signing_keys",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "private_key_encrypted",
                schema: "users",
                table: "signing_keys");
        }
    }
}
