using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Notifications.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class DeviceTokenBinding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One active binding per push token (hashed: tokens may be longer than a btree entry). Older duplicates, if
            // a race ever left any, give way to the most recently seen.
            migrationBuilder.Sql("""
                UPDATE notifications.device_tokens d SET active = false, invalid_reason = 'REPLACED'
                WHERE d.active AND EXISTS (
                    SELECT 1 FROM notifications.device_tokens o
                    WHERE o.active AND o.token = d.token AND (o.last_seen_at, o.id) > (d.last_seen_at, d.id));
                CREATE UNIQUE INDEX ix_device_tokens_active_token ON notifications.device_tokens (md5(token)) WHERE active;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX notifications.ix_device_tokens_active_token;");
        }
    }
}
