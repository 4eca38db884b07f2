using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Modules.Sellers.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Payouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payout_ledger_entries",
                schema: "sellers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    store_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payout_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reversal = table.Column<bool>(type: "boolean", nullable: false),
                    commission_rate = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: true),
                    payment_method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    event_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    available_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payout_ledger_entries", x => x.id);
                    table.CheckConstraint("ck_payout_ledger_entries_currency", "currency_code ~ '^[A-Z]{3}$'");
                    table.CheckConstraint("ck_payout_ledger_entries_links", "(type IN ('SALE', 'COMMISSION', 'COLLECTED_BY_SELLER', 'REFUND')) = (order_id IS NOT NULL) AND (type IN ('PAYOUT', 'PAYOUT_FAILED')) = (payout_id IS NOT NULL) AND (type = 'COMMISSION') = (commission_rate IS NOT NULL) AND (type <> 'ADJUSTMENT' OR (reason IS NOT NULL AND actor_id IS NOT NULL))");
                    table.CheckConstraint("ck_payout_ledger_entries_rate", "commission_rate IS NULL OR commission_rate BETWEEN 0 AND 1");
                    table.CheckConstraint("ck_payout_ledger_entries_sign", "(type = 'SALE' AND NOT reversal AND amount >= 0) OR (type = 'REFUND' AND reversal AND amount <= 0) OR (type IN ('COMMISSION', 'COLLECTED_BY_SELLER') AND ((NOT reversal AND amount <= 0) OR (reversal AND amount >= 0))) OR (type = 'ADJUSTMENT' AND NOT reversal AND amount <> 0) OR (type = 'PAYOUT' AND NOT reversal AND amount < 0) OR (type = 'PAYOUT_FAILED' AND NOT reversal AND amount > 0)");
                    table.CheckConstraint("ck_payout_ledger_entries_type", "type IN ('SALE', 'COMMISSION', 'COLLECTED_BY_SELLER', 'REFUND', 'ADJUSTMENT', 'PAYOUT', 'PAYOUT_FAILED')");
                });

            migrationBuilder.CreateTable(
                name: "payouts",
                schema: "sellers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    provider = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    destination = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payouts", x => x.id);
                    table.CheckConstraint("ck_payouts_amount", "amount > 0");
                    table.CheckConstraint("ck_payouts_destination", "(provider = 'STRIPE') = (destination IS NOT NULL)");
                    table.CheckConstraint("ck_payouts_provider", "provider IN ('MANUAL', 'STRIPE')");
                    table.CheckConstraint("ck_payouts_status", "status IN ('PENDING', 'PAID', 'FAILED')");
                });

            migrationBuilder.CreateTable(
                name: "seller_payout_accounts",
                schema: "sellers",
                columns: table => new
                {
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stripe_account_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    set_by = table.Column<Guid>(type: "uuid", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seller_payout_accounts", x => x.seller_id);
                });

            migrationBuilder.CreateTable(
                name: "store_commission_rates",
                schema: "sellers",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rate = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    set_by = table.Column<Guid>(type: "uuid", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_store_commission_rates", x => x.store_id);
                    table.CheckConstraint("ck_store_commission_rates_rate", "rate BETWEEN 0 AND 1");
                });

            migrationBuilder.CreateIndex(
                name: "ix_payout_ledger_entries_order_id_type_reversal",
                schema: "sellers",
                table: "payout_ledger_entries",
                columns: new[] { "order_id", "type", "reversal" },
                unique: true,
                filter: "order_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payout_ledger_entries_payout_id_type",
                schema: "sellers",
                table: "payout_ledger_entries",
                columns: new[] { "payout_id", "type" },
                unique: true,
                filter: "payout_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payout_ledger_entries_position",
                schema: "sellers",
                table: "payout_ledger_entries",
                column: "position",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payout_ledger_entries_seller_id_currency_code_available_at",
                schema: "sellers",
                table: "payout_ledger_entries",
                columns: new[] { "seller_id", "currency_code", "available_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payout_ledger_entries_seller_id_idempotency_key",
                schema: "sellers",
                table: "payout_ledger_entries",
                columns: new[] { "seller_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payout_ledger_entries_seller_id_position",
                schema: "sellers",
                table: "payout_ledger_entries",
                columns: new[] { "seller_id", "position" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_payouts_run_id_seller_id_currency_code",
                schema: "sellers",
                table: "payouts",
                columns: new[] { "run_id", "seller_id", "currency_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payouts_seller_id_created_at_id",
                schema: "sellers",
                table: "payouts",
                columns: new[] { "seller_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_payouts_status_provider",
                schema: "sellers",
                table: "payouts",
                columns: new[] { "status", "provider" });

            // The ledger is append-only (docs/payouts.md): the one change allowed is setting a null available_at once (an
            // order completed or was cancelled); every other UPDATE, any DELETE and TRUNCATE are refused.
            migrationBuilder.Sql("""
                CREATE FUNCTION sellers.payout_ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        IF OLD.available_at IS NULL AND NEW.available_at IS NOT NULL
                           AND (to_jsonb(NEW) - 'available_at') = (to_jsonb(OLD) - 'available_at') THEN
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'sellers.payout_ledger_entries is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER payout_ledger_entries_append_only BEFORE UPDATE OR DELETE ON sellers.payout_ledger_entries
                    FOR EACH ROW EXECUTE FUNCTION sellers.payout_ledger_entries_append_only();
                CREATE TRIGGER payout_ledger_entries_no_truncate BEFORE TRUNCATE ON sellers.payout_ledger_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION sellers.payout_ledger_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS payout_ledger_entries_append_only ON sellers.payout_ledger_entries; DROP TRIGGER IF EXISTS payout_ledger_entries_no_truncate ON sellers.payout_ledger_entries; DROP FUNCTION IF EXISTS sellers.payout_ledger_entries_append_only();");

            migrationBuilder.DropTable(
                name: "payout_ledger_entries",
                schema: "sellers");

            migrationBuilder.DropTable(
                name: "payouts",
                schema: "sellers");

            migrationBuilder.DropTable(
                name: "seller_payout_accounts",
                schema: "sellers");

            migrationBuilder.DropTable(
                name: "store_commission_rates",
                schema: "sellers");
        }
    }
}
