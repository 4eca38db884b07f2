using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Modules.Ordering.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "ordering");

            migrationBuilder.CreateSequence(
                name: "order_group_numbers",
                schema: "ordering",
                startValue: 10000L);

            migrationBuilder.CreateTable(
                name: "carts",
                schema: "ordering",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carts", x => x.id);
                    table.CheckConstraint("ck_carts_currency", "currency_code IS NULL OR length(currency_code) = 3");
                    table.CheckConstraint("ck_carts_status", "status IN ('OPEN', 'CHECKED_OUT')");
                });

            migrationBuilder.CreateTable(
                name: "checkouts",
                schema: "ordering",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cart_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cart_version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fulfilment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    delivery_address_id = table.Column<Guid>(type: "uuid", nullable: true),
                    delivery_address = table.Column<string>(type: "jsonb", nullable: true),
                    payment_method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    total = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    payment_intent_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    payment_client_secret = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    payment_status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    request_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    completing_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    order_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    order_group_number = table.Column<long>(type: "bigint", nullable: true),
                    order_ids = table.Column<string>(type: "jsonb", nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkouts", x => x.id);
                    table.CheckConstraint("ck_checkouts_completing", "status NOT IN ('COMPLETING', 'COMPLETED') OR (idempotency_key IS NOT NULL AND order_group_id IS NOT NULL AND order_ids IS NOT NULL)");
                    table.CheckConstraint("ck_checkouts_fulfilment", "fulfilment IN ('DELIVERY', 'PICKUP')");
                    table.CheckConstraint("ck_checkouts_payment_method", "payment_method IN ('PAY_ON_DELIVERY', 'PAY_AT_PICKUP', 'CARD')");
                    table.CheckConstraint("ck_checkouts_status", "status IN ('OPEN', 'COMPLETING', 'COMPLETED', 'FAILED', 'EXPIRED', 'REPLACED')");
                    table.CheckConstraint("ck_checkouts_total", "total >= 0");
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                schema: "ordering",
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
                name: "idempotency_keys",
                schema: "ordering",
                columns: table => new
                {
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    checkout_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.buyer_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "ordering",
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
                name: "order_groups",
                schema: "ordering",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    checkout_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    total = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    order_count = table.Column<int>(type: "integer", nullable: false),
                    payment_method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    payment_intent_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_groups", x => x.id);
                    table.CheckConstraint("ck_order_groups_count", "order_count > 0");
                    table.CheckConstraint("ck_order_groups_total", "total >= 0");
                });

            migrationBuilder.CreateTable(
                name: "order_status_history",
                schema: "ordering",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    to_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_status_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                schema: "ordering",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    payment_status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    payment_method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    fulfilment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    subtotal = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    total = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    item_count = table.Column<int>(type: "integer", nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    snapshot = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.CheckConstraint("ck_orders_amounts", "subtotal >= 0 AND total >= 0 AND item_count > 0 AND line_count > 0");
                    table.CheckConstraint("ck_orders_payment_status", "payment_status IN ('PENDING', 'AUTHORIZED', 'PAID', 'VOIDED', 'REFUNDED', 'PARTIALLY_REFUNDED')");
                    table.CheckConstraint("ck_orders_status", "status IN ('PLACED', 'ACCEPTED', 'REJECTED', 'READY', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED')");
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "ordering",
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
                name: "cart_lines",
                schema: "ordering",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cart_id = table.Column<Guid>(type: "uuid", nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cart_lines", x => x.id);
                    table.CheckConstraint("ck_cart_lines_quantity", "quantity BETWEEN 1 AND 99");
                    table.ForeignKey(
                        name: "fk_cart_lines_carts_cart_id",
                        column: x => x.cart_id,
                        principalSchema: "ordering",
                        principalTable: "carts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cart_lines_cart_id_variant_id",
                schema: "ordering",
                table: "cart_lines",
                columns: new[] { "cart_id", "variant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_carts_open_buyer",
                schema: "ordering",
                table: "carts",
                column: "buyer_id",
                unique: true,
                filter: "status = 'OPEN'");

            migrationBuilder.CreateIndex(
                name: "ix_checkouts_buyer_id_created_at",
                schema: "ordering",
                table: "checkouts",
                columns: new[] { "buyer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_checkouts_completing",
                schema: "ordering",
                table: "checkouts",
                column: "completing_started_at",
                filter: "status = 'COMPLETING'");

            migrationBuilder.CreateIndex(
                name: "ux_checkouts_live_cart",
                schema: "ordering",
                table: "checkouts",
                column: "cart_id",
                unique: true,
                filter: "status IN ('OPEN', 'COMPLETING')");

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_consumer_event_id",
                schema: "ordering",
                table: "dead_letters",
                columns: new[] { "consumer", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_created_at",
                schema: "ordering",
                table: "idempotency_keys",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_handled_at",
                schema: "ordering",
                table: "inbox_messages",
                column: "handled_at");

            migrationBuilder.CreateIndex(
                name: "ix_order_groups_buyer_id_id",
                schema: "ordering",
                table: "order_groups",
                columns: new[] { "buyer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_order_groups_checkout_id",
                schema: "ordering",
                table: "order_groups",
                column: "checkout_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_groups_number",
                schema: "ordering",
                table: "order_groups",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_status_history_order_id_id",
                schema: "ordering",
                table: "order_status_history",
                columns: new[] { "order_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_buyer_id_id",
                schema: "ordering",
                table: "orders",
                columns: new[] { "buyer_id", "id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_orders_group_id",
                schema: "ordering",
                table: "orders",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_number",
                schema: "ordering",
                table: "orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_store_id_id",
                schema: "ordering",
                table: "orders",
                columns: new[] { "store_id", "id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_orders_store_id_status_id",
                schema: "ordering",
                table: "orders",
                columns: new[] { "store_id", "status", "id" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at",
                schema: "ordering",
                table: "outbox_messages",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                schema: "ordering",
                table: "outbox_messages",
                column: "id",
                filter: "sent_at IS NULL");

            // The frozen snapshot (docs/ordering.md, "Snapshot"): whatever path writes to ordering.orders, PostgreSQL refuses
            // to change an order's snapshot or the columns copied from it, and to delete an order. Only the status columns
            // (status, payment status, updated_at) may change, as issue 17's lifecycle does. The history is append-only.
            migrationBuilder.Sql("""
                CREATE FUNCTION ordering.orders_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'ordering.orders: an order is never deleted' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    IF NEW.snapshot IS DISTINCT FROM OLD.snapshot
                       OR NEW.id IS DISTINCT FROM OLD.id OR NEW.group_id IS DISTINCT FROM OLD.group_id OR NEW.number IS DISTINCT FROM OLD.number
                       OR NEW.buyer_id IS DISTINCT FROM OLD.buyer_id OR NEW.store_id IS DISTINCT FROM OLD.store_id OR NEW.seller_id IS DISTINCT FROM OLD.seller_id
                       OR NEW.payment_method IS DISTINCT FROM OLD.payment_method OR NEW.fulfilment IS DISTINCT FROM OLD.fulfilment
                       OR NEW.currency_code IS DISTINCT FROM OLD.currency_code OR NEW.subtotal IS DISTINCT FROM OLD.subtotal OR NEW.total IS DISTINCT FROM OLD.total
                       OR NEW.item_count IS DISTINCT FROM OLD.item_count OR NEW.line_count IS DISTINCT FROM OLD.line_count OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
                        RAISE EXCEPTION 'ordering.orders: order % is frozen (only its status may change)', OLD.number USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER orders_frozen BEFORE UPDATE OR DELETE ON ordering.orders FOR EACH ROW EXECUTE FUNCTION ordering.orders_frozen();
                CREATE FUNCTION ordering.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '%.% is append-only (% refused)', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER order_status_history_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ordering.order_status_history
                    FOR EACH STATEMENT EXECUTE FUNCTION ordering.append_only();
                CREATE TRIGGER orders_no_truncate BEFORE TRUNCATE ON ordering.orders FOR EACH STATEMENT EXECUTE FUNCTION ordering.append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS orders_frozen ON ordering.orders; DROP TRIGGER IF EXISTS orders_no_truncate ON ordering.orders;
                DROP TRIGGER IF EXISTS order_status_history_append_only ON ordering.order_status_history;
                DROP FUNCTION IF EXISTS ordering.orders_frozen(); DROP FUNCTION IF EXISTS ordering.append_only();
                """);

            migrationBuilder.DropTable(
                name: "cart_lines",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "checkouts",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "dead_letters",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "idempotency_keys",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "order_groups",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "order_status_history",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "orders",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "carts",
                schema: "ordering");

            migrationBuilder.DropSequence(
                name: "order_group_numbers",
                schema: "ordering");
        }
    }
}
