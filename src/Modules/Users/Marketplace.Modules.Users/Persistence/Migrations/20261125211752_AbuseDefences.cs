using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Users.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class AbuseDefences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keys rotated out under the old rule got retires_at = rotation + 1 day; retires_at now means "stopped
            // signing", and a key is published only an access token's lifetime (plus skew) after it.
            migrationBuilder.Sql("UPDATE users.signing_keys SET retires_at = retires_at - interval '1 day' WHERE retires_at IS NOT NULL AND retires_at - created_at >= interval '1 day';");

            migrationBuilder.DropIndex(
                name: "ix_users_email",
                schema: "users",
                table: "users");

            migrationBuilder.AddColumn<bool>(
                name: "revocation_mark_pending",
                schema: "users",
                table: "sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                schema: "users",
                table: "login_codes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_users_email",
                schema: "users",
                table: "users",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_users_verified_email",
                schema: "users",
                table: "users",
                column: "email",
                unique: true,
                filter: "email_verified_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_revocation_mark_pending",
                schema: "users",
                table: "sessions",
                column: "revoked_at",
                filter: "revocation_mark_pending");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_users_email",
                schema: "users",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_verified_email",
                schema: "users",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_sessions_revocation_mark_pending",
                schema: "users",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "revocation_mark_pending",
                schema: "users",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "attempts",
                schema: "users",
                table: "login_codes");

            migrationBuilder.CreateIndex(
                name: "ix_users_email",
                schema: "users",
                table: "users",
                column: "email",
                unique: true);
        }
    }
}
