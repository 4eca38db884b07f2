using System.Globalization;
using Marketplace.Sellers.Tests.Support;
using Marketplace.Shared.Events;
using Npgsql;
using static Marketplace.Sellers.Tests.Support.Payouts;

namespace Marketplace.Sellers.Tests;

/// <summary>
/// The payout ledger fed by <c>order_status_changed.v1</c> (docs/payouts.md): exact splits, idempotent and order-free
/// consumption, append-only storage. Events are published through JetStream under the real subject, as Ordering's relay
/// does. No payout run here: balances are only moved by the events.
/// </summary>
public sealed class PayoutLedgerTests(SellersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Generated_orders_split_every_buyer_payment_exactly_into_seller_shares_and_commission()
    {
        var random = new Random(20261126);
        var admin = await AdminTokens.IssueAsync();
        // Three real stores of three sellers: two with their own commission rate (random, 4 decimals), one on the default.
        var shops = new List<(Guid StoreId, Guid SellerId, string Token, decimal Rate)>();
        for (var i = 0; i < 3; i++)
        {
            var (token, sellerId, store) = await _client.NewStoreAsync(app);
            var rate = 0.10m;
            if (i < 2)
            {
                rate = decimal.Round((decimal)random.NextDouble() * 0.3m, 4);
                var set = await _client.AdminAsync(admin, "storeCommissionRateSet", new { storeId = store.Text("id"), rate = rate.ToString(CultureInfo.InvariantCulture) }, "commissionRate { rate overridden }");
                set.Codes().Should().BeEmpty();
                decimal.Parse(set["commissionRate"].Text("rate"), CultureInfo.InvariantCulture).Should().Be(rate);
            }

            shops.Add((Guid.Parse(LocalId(store.Text("id"))), Guid.Parse(sellerId), token, rate));
        }

        string[] currencies = ["EUR", "USD", "JPY", "KWD", "GBP"];
        string[] methods = ["CARD", "PAY_ON_DELIVERY", "PAY_AT_PICKUP"];
        var orders = new List<(SimOrder Order, decimal Rate, string Fate)>();
        var changes = new List<Marketplace.Modules.Ordering.Contracts.Events.OrderStatusChanged>();
        for (var i = 0; i < 160; i++)
        {
            var shop = shops[random.Next(shops.Count)];
            var order = SimOrder.New(shop.StoreId, shop.SellerId, currencies[random.Next(currencies.Length)], random.NextInt64(1, 5_000_000), methods[random.Next(methods.Length)]);
            var fate = random.Next(10) switch { 0 => "REJECTED", 1 => "CANCELLED_BY_BUYER", 2 => "REFUNDED_AFTER_ACCEPTANCE", 3 => "REFUNDED_AFTER_COMPLETION", 4 => "ACCEPTED_ONLY", _ => "COMPLETED" };
            var completed = order.Completed();
            changes.AddRange(fate switch
            {
                "REJECTED" => [order.Change("PLACED", "REJECTED", 2)],
                "CANCELLED_BY_BUYER" => [order.Change("PLACED", "CANCELLED", 2, "BUYER")],
                "REFUNDED_AFTER_ACCEPTANCE" => [completed[0], order.Change("ACCEPTED", "CANCELLED", 3, "ADMIN")],
                "REFUNDED_AFTER_COMPLETION" => [.. completed, order.Change("COMPLETED", "CANCELLED", 6, "ADMIN")],
                "ACCEPTED_ONLY" => completed.Take(2),
                _ => completed,
            });
            orders.Add((order, shop.Rate, fate));
        }

        await app.PublishAllAsync(changes.OrderBy(_ => random.Next()).OrderBy(c => c.Sequence));

        foreach (var shop in shops)
        {
            var entries = await _client.EntriesAsync(shop.Token);
            var byOrder = entries.Where(e => e.OrderId is not null).GroupBy(e => LocalId(e.OrderId!)).ToDictionary(g => Guid.Parse(g.Key), g => g.ToList());
            var mine = orders.Where(o => o.Order.SellerId == shop.SellerId).ToList();
            foreach (var currency in currencies)
            {
                long paidByBuyers = 0, sellerShares = 0, commissions = 0;
                foreach (var (order, rate, fate) in mine.Where(o => o.Order.Currency == currency))
                {
                    var booked = byOrder.GetValueOrDefault(order.OrderId) ?? [];
                    if (fate is "REJECTED" or "CANCELLED_BY_BUYER")
                    {
                        booked.Should().BeEmpty("no sale happened for a {0} order", fate);
                        continue;
                    }

                    var offline = order.PaymentMethod != "CARD";
                    var sale = Minor(booked.Single(e => e.Type == "SALE"));
                    var commission = -Minor(booked.Single(e => e is { Type: "COMMISSION", Reversal: false }));
                    booked.Single(e => e is { Type: "COMMISSION", Reversal: false }).CommissionRate.Should().Be(rate);
                    sale.Should().Be(order.TotalMinor);
                    commission.Should().Be(Commission(order.TotalMinor, rate), "commission is total × rate rounded half-even in minor units");
                    booked.Count(e => e is { Type: "COLLECTED_BY_SELLER", Reversal: false }).Should().Be(offline ? 1 : 0);
                    if (fate.StartsWith("REFUNDED", StringComparison.Ordinal))
                    {
                        booked.Should().HaveCount(offline ? 6 : 4);
                        booked.Sum(Minor).Should().Be(0, "a refunded order nets to zero");
                        booked.Should().OnlyContain(e => e.Status == "AVAILABLE");
                        continue;
                    }

                    booked.Should().HaveCount(offline ? 3 : 2);
                    booked.Should().OnlyContain(e => e.Status == (fate == "COMPLETED" ? "AVAILABLE" : "PENDING"));
                    // What the seller keeps; offline, they hold the buyer's cash and owe the commission.
                    booked.Sum(Minor).Should().Be(offline ? -commission : order.TotalMinor - commission);
                    paidByBuyers += order.TotalMinor;
                    sellerShares += sale - commission;
                    commissions += commission;
                }

                paidByBuyers.Should().Be(sellerShares + commissions, "{0}: the buyers' payments split exactly into seller shares and commission", currency);
                var balance = await _client.BalanceAsync(shop.Token, currency);
                var inCurrency = entries.Where(e => e.Currency == currency).ToList();
                balance.Available.Should().Be(inCurrency.Where(e => e.Status == "AVAILABLE").Sum(e => e.Amount), "available is the sum of available entries");
                balance.Pending.Should().Be(inCurrency.Where(e => e.Status == "PENDING").Sum(e => e.Amount), "pending is the sum of pending entries");
            }
        }
    }

    [Fact]
    public async Task Redelivered_events_credit_once_under_the_same_or_new_event_ids()
    {
        var (sellerId, token) = await MintSellerAsync();
        var order = SimOrder.New(Guid.CreateVersion7(), sellerId, "EUR", 12_35);
        var steps = order.Completed();
        var ids = await app.PublishAllAsync(steps);

        // The same ids again: JetStream drops the copies, and a delivery that gets through finds its inbox row.
        foreach (var (step, id) in steps.Zip(ids))
        {
            await app.PublishAsync(step, id);
            (await app.DeliverAgainAsync(step, id)).Should().Be(ProcessOutcome.Duplicate);
        }

        // New ids (a relay that published twice past the duplicate window): handled, but nothing is booked twice.
        await app.PublishAllAsync(steps.Concat(steps));

        var entries = await _client.EntriesAsync(token);
        entries.Select(e => (e.Type, e.Amount)).Should().BeEquivalentTo([("SALE", 12.35m), ("COMMISSION", -1.24m)], "12.35 × 0.10 = 1.235 → 1.24 (half-even of 123.5 cents)");
        (await _client.BalanceAsync(token, "EUR")).Should().Be(new Balance(11.11m, 0m));
    }

    [Fact]
    public async Task Out_of_order_events_converge_on_the_same_entries()
    {
        var (sellerId, token) = await MintSellerAsync();
        var card = SimOrder.New(Guid.CreateVersion7(), sellerId, "USD", 100_00);
        var cash = SimOrder.New(Guid.CreateVersion7(), sellerId, "USD", 50_05, "PAY_ON_DELIVERY");
        var late = SimOrder.New(Guid.CreateVersion7(), sellerId, "USD", 20_00, "PAY_AT_PICKUP");
        // Completed, then refunded by an administrator: published last-first.
        await app.PublishAllAsync([.. card.Completed().Append(card.Change("COMPLETED", "CANCELLED", 6, "ADMIN")).Reverse()]);
        // Completed, events shuffled.
        await app.PublishAllAsync(cash.Completed().OrderBy(_ => Guid.NewGuid()).ToList());
        // Completion seen before acceptance: the entries exist (available) before ACCEPTED arrives, which then adds nothing.
        var lateSteps = late.Completed();
        await app.PublishAllAsync([lateSteps[^1]]);
        await app.PublishAllAsync(lateSteps.Take(3));

        var entries = await _client.EntriesAsync(token);
        Of(entries, card).Should().BeEquivalentTo(
            [("SALE", false, 100.00m), ("COMMISSION", false, -10.00m), ("REFUND", true, -100.00m), ("COMMISSION", true, 10.00m)]);
        Of(entries, cash).Should().BeEquivalentTo([("SALE", false, 50.05m), ("COMMISSION", false, -5.00m), ("COLLECTED_BY_SELLER", false, -50.05m)],
            "5.005 → 5.00 (half-even of 500.5 cents); the seller holds the cash and owes the commission");
        Of(entries, late).Should().BeEquivalentTo([("SALE", false, 20.00m), ("COMMISSION", false, -2.00m), ("COLLECTED_BY_SELLER", false, -20.00m)]);
        entries.Should().OnlyContain(e => e.Status == "AVAILABLE");
        (await _client.BalanceAsync(token, "USD")).Should().Be(new Balance(-5.00m - 2.00m, 0m));
    }

    [Fact]
    public async Task Orders_that_never_sold_book_nothing_and_acceptance_books_pending_entries()
    {
        var (sellerId, token) = await MintSellerAsync();
        var rejected = SimOrder.New(Guid.CreateVersion7(), sellerId, "GBP", 10_00);
        var expired = SimOrder.New(Guid.CreateVersion7(), sellerId, "GBP", 11_00);
        var cancelled = SimOrder.New(Guid.CreateVersion7(), sellerId, "GBP", 12_00);
        var accepted = SimOrder.New(Guid.CreateVersion7(), sellerId, "GBP", 13_00);
        await app.PublishAllAsync([
            rejected.Change("PLACED", "REJECTED", 2), expired.Change("PLACED", "EXPIRED", 2, "SYSTEM"), cancelled.Change("PLACED", "CANCELLED", 2, "BUYER"),
            accepted.Change("PLACED", "ACCEPTED", 2), accepted.Change("ACCEPTED", "OUT_FOR_DELIVERY", 3)]);

        var entries = await _client.EntriesAsync(token);
        entries.Select(e => (e.Type, e.Amount, e.Status)).Should().BeEquivalentTo([("SALE", 13.00m, "PENDING"), ("COMMISSION", -1.30m, "PENDING")]);
        (await _client.BalanceAsync(token, "GBP")).Should().Be(new Balance(0m, 11.70m));
    }

    [Fact]
    public async Task The_ledger_is_append_only()
    {
        var (sellerId, _) = await MintSellerAsync();
        var order = SimOrder.New(Guid.CreateVersion7(), sellerId, "EUR", 40_00);
        await app.PublishAllAsync(order.Completed());
        var pending = SimOrder.New(Guid.CreateVersion7(), sellerId, "EUR", 30_00);
        await app.PublishAllAsync([pending.Change("PLACED", "ACCEPTED", 2)]);

        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        (string Sql, Guid? Order)[] refused =
        [
            ("UPDATE sellers.payout_ledger_entries SET amount = amount + 1 WHERE order_id = $1", order.OrderId),
            ("UPDATE sellers.payout_ledger_entries SET available_at = now() + interval '1 day' WHERE order_id = $1", order.OrderId),
            ("UPDATE sellers.payout_ledger_entries SET available_at = now(), amount = amount * 2 WHERE order_id = $1", pending.OrderId),
            ("DELETE FROM sellers.payout_ledger_entries WHERE order_id = $1", order.OrderId),
            ("TRUNCATE sellers.payout_ledger_entries", null),
        ];
        foreach (var (sql, orderId) in refused)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            if (orderId is { } id)
                command.Parameters.Add(new NpgsqlParameter { Value = id });
            var run = () => command.ExecuteNonQueryAsync();
            (await run.Should().ThrowAsync<PostgresException>(sql)).Which.MessageText.Should().Contain("append-only");
        }

        // The one change allowed: a pending entry becomes available, once.
        await using var allowed = new NpgsqlCommand("UPDATE sellers.payout_ledger_entries SET available_at = now() WHERE order_id = $1 AND available_at IS NULL", connection)
        {
            Parameters = { new() { Value = pending.OrderId } },
        };
        (await allowed.ExecuteNonQueryAsync()).Should().Be(2);
    }

    private static long Minor(Entry entry) => (long)(entry.Amount * (decimal)Math.Pow(10, SimOrder.Decimals(entry.Currency)));

    private static IEnumerable<(string Type, bool Reversal, decimal Amount)> Of(List<Entry> entries, SimOrder order) =>
        entries.Where(e => e.OrderId is not null && LocalId(e.OrderId) == order.OrderId.ToString()).Select(e => (e.Type, e.Reversal, e.Amount));
}
