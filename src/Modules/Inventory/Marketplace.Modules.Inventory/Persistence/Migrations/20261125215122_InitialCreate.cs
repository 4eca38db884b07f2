using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Modules.Inventory.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "inventory");

            migrationBuilder.CreateTable(
                name: "allocations",
                schema: "inventory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    fulfilled = table.Column<int>(type: "integer", nullable: false),
                    cancelled = table.Column<int>(type: "integer", nullable: false),
                    returned = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocations", x => x.id);
                    table.CheckConstraint("ck_allocations_parts", "fulfilled >= 0 AND cancelled >= 0 AND returned >= 0 AND fulfilled + cancelled <= quantity AND returned <= fulfilled");
                    table.CheckConstraint("ck_allocations_quantity", "quantity > 0");
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                schema: "inventory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    causation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    deliveries = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    replayed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dead_letters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "inventory",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.consumer, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "operations",
                schema: "inventory",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reference = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    request_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    response = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_operations", x => new { x.kind, x.reference });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "inventory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    causation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reservations",
                schema: "inventory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    order_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reservations", x => x.id);
                    table.CheckConstraint("ck_reservations_quantity", "quantity > 0");
                    table.CheckConstraint("ck_reservations_status", "status IN ('ACTIVE', 'RELEASED', 'EXPIRED', 'COMMITTED')");
                });

            migrationBuilder.CreateTable(
                name: "stock_levels",
                schema: "inventory",
                columns: table => new
                {
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sku = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    product_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    on_hand = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    reserved = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    allocated = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    safety_stock = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    low_stock_threshold = table.Column<int>(type: "integer", nullable: true),
                    tracked = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    policy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "DENY"),
                    available_for_sale = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    availability_version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    low_stock_alerted = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stock_levels", x => x.variant_id);
                    table.CheckConstraint("ck_stock_levels_allocated", "allocated >= 0");
                    table.CheckConstraint("ck_stock_levels_low_stock_threshold", "low_stock_threshold IS NULL OR low_stock_threshold >= 0");
                    table.CheckConstraint("ck_stock_levels_no_oversell", "NOT tracked OR policy = 'CONTINUE' OR reserved + allocated <= on_hand");
                    table.CheckConstraint("ck_stock_levels_on_hand", "on_hand >= 0");
                    table.CheckConstraint("ck_stock_levels_policy", "policy IN ('DENY', 'CONTINUE')");
                    table.CheckConstraint("ck_stock_levels_reserved", "reserved >= 0");
                    table.CheckConstraint("ck_stock_levels_safety_stock", "safety_stock >= 0");
                });

            migrationBuilder.CreateTable(
                name: "stock_movements",
                schema: "inventory",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    on_hand_delta = table.Column<int>(type: "integer", nullable: false),
                    reserved_delta = table.Column<int>(type: "integer", nullable: false),
                    allocated_delta = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    actor_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stock_movements", x => x.id);
                    table.CheckConstraint("ck_stock_movements_kind", "kind IN ('RECEIVED', 'ADJUSTED', 'RESERVED', 'RELEASED', 'EXPIRED', 'ALLOCATED', 'FULFILLED', 'RESTOCKED')");
                    table.CheckConstraint("ck_stock_movements_quantity", "quantity > 0");
                });

            migrationBuilder.CreateTable(
                name: "store_contacts",
                schema: "inventory",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_store_contacts", x => x.store_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_allocations_order_id_variant_id",
                schema: "inventory",
                table: "allocations",
                columns: new[] { "order_id", "variant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_allocations_variant_id",
                schema: "inventory",
                table: "allocations",
                column: "variant_id");

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_consumer_event_id",
                schema: "inventory",
                table: "dead_letters",
                columns: new[] { "consumer", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_handled_at",
                schema: "inventory",
                table: "inbox_messages",
                column: "handled_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at",
                schema: "inventory",
                table: "outbox_messages",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                schema: "inventory",
                table: "outbox_messages",
                column: "id",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_reservations_active_expiry",
                schema: "inventory",
                table: "reservations",
                column: "expires_at",
                filter: "status = 'ACTIVE'");

            migrationBuilder.CreateIndex(
                name: "ix_reservations_active_holder",
                schema: "inventory",
                table: "reservations",
                column: "holder_id",
                filter: "status = 'ACTIVE'");

            migrationBuilder.CreateIndex(
                name: "ix_reservations_active_variant",
                schema: "inventory",
                table: "reservations",
                columns: new[] { "variant_id", "expires_at" },
                filter: "status = 'ACTIVE'");

            migrationBuilder.CreateIndex(
                name: "ix_stock_levels_product_id",
                schema: "inventory",
                table: "stock_levels",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_stock_levels_store_id",
                schema: "inventory",
                table: "stock_levels",
                column: "store_id");

            migrationBuilder.CreateIndex(
                name: "ix_stock_movements_variant_id_id",
                schema: "inventory",
                table: "stock_movements",
                columns: new[] { "variant_id", "id" },
                descending: new[] { false, true });

            // Movements are append-only: the database refuses to change or delete one, whoever asks.
            migrationBuilder.Sql("""
                CREATE FUNCTION inventory.stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'inventory.stock_movements is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON inventory.stock_movements
                    FOR EACH STATEMENT EXECUTE FUNCTION inventory.stock_movements_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS stock_movements_append_only ON inventory.stock_movements; DROP FUNCTION IF EXISTS inventory.stock_movements_append_only();");

            migrationBuilder.DropTable(
                name: "allocations",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "dead_letters",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "operations",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "reservations",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "stock_levels",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "stock_movements",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "store_contacts",
                schema: "inventory");
        }
    }
}
