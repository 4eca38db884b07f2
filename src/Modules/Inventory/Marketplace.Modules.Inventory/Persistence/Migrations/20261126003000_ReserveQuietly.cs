using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Modules.Inventory.Persistence.Migrations
{
    /// <summary>
    /// <c>inventory.move_reserved_quietly</c>: Reserve's last counter move when nothing needs telling (no availability
    /// flip, no low-stock crossing), sent with COMMIT in one round trip. It raises instead of matching nothing, so a short
    /// or signalling variant aborts the statement (and the COMMIT after it) and Reserve takes its ordinary path.
    /// </summary>
    [DbContext(typeof(InventoryDbContext))]
    [Migration("20261126003000_ReserveQuietly")]
    internal sealed class ReserveQuietly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE FUNCTION inventory.move_reserved_quietly(p_variant uuid, p_delta integer, p_now timestamp with time zone)
                RETURNS inventory.stock_levels LANGUAGE plpgsql AS $$
                DECLARE
                    moved inventory.stock_levels;
                BEGIN
                    UPDATE inventory.stock_levels s
                    SET reserved = s.reserved + p_delta, updated_at = p_now
                    WHERE s.variant_id = p_variant
                      AND (p_delta <= 0 OR NOT s.tracked OR s.policy = 'CONTINUE'
                           OR s.on_hand::bigint - s.reserved - s.allocated - s.safety_stock >= p_delta)
                      AND s.available_for_sale = (NOT s.tracked OR s.policy = 'CONTINUE'
                           OR s.on_hand::bigint - (s.reserved + p_delta) - s.allocated - s.safety_stock > 0)
                      AND s.low_stock_alerted = (s.tracked AND s.low_stock_threshold IS NOT NULL
                           AND s.on_hand::bigint - (s.reserved + p_delta) - s.allocated - s.safety_stock <= s.low_stock_threshold)
                    RETURNING s.* INTO moved;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'variant % needs the ordinary reserve path', p_variant USING ERRCODE = 'IV001';
                    END IF;
                    RETURN moved;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION inventory.move_reserved_quietly(uuid, integer, timestamp with time zone);");
        }
    }
}
