using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Sellers.Tests.Support;
using static Marketplace.Sellers.Tests.Support.Payouts;

namespace Marketplace.Sellers.Tests;

/// <summary>Who may read and change payouts, and what bad input answers (docs/payouts.md, "GraphQL").</summary>
public sealed class PayoutAccessTests(SellersApp app)
{
    private const string ViewerPayouts =
        "{ viewer { payoutBalance { currencyCode } ledgerEntries(first: 5) { nodes { id } } payouts(first: 5) { nodes { id } } } }";

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_seller_sees_only_their_own_ledger_and_other_roles_see_none()
    {
        var (sellerId, token) = await MintSellerAsync();
        var (_, otherToken) = await MintSellerAsync();
        await app.PublishAllAsync(SimOrder.New(Guid.CreateVersion7(), sellerId, "EUR", 20_00).Completed());

        var own = (await _client.SendAsync(ViewerPayouts, token: token)).Data("viewer");
        own["payoutBalance"]!.AsArray().Should().ContainSingle();
        own["ledgerEntries"]!["nodes"]!.AsArray().Should().HaveCount(2);

        var other = (await _client.SendAsync(ViewerPayouts, token: otherToken)).Data("viewer");
        other["payoutBalance"]!.AsArray().Should().BeEmpty("another seller's sales are not yours");
        other["ledgerEntries"]!["nodes"]!.AsArray().Should().BeEmpty();
        other["payouts"]!["nodes"]!.AsArray().Should().BeEmpty();

        foreach (var role in new[] { "BUYER", "ADMIN" })
        {
            var body = await _client.SendAsync(ViewerPayouts, token: await MintAsync(Guid.CreateVersion7(), role));
            body["errors"].Should().BeNull();
            var viewer = body.Data("viewer");
            (viewer["payoutBalance"], viewer["ledgerEntries"], viewer["payouts"]).Should().Be((null, null, null), "{0}s have no payout ledger", role);
        }

        (await _client.SendAsync(ViewerPayouts))["data"]!["viewer"].Should().BeNull();
    }

    [Fact]
    public async Task Administrator_mutations_are_refused_to_sellers_buyers_and_anonymous_callers_and_change_nothing()
    {
        var (sellerToken, sellerId, store) = await _client.NewStoreAsync(app);
        await app.PublishAllAsync(SimOrder.New(Guid.Parse(LocalId(store.Text("id"))), Guid.Parse(sellerId), "ISK", 5000).Completed());
        var before = await _client.BalancesAsync(sellerToken);
        var buyerToken = await MintAsync(Guid.CreateVersion7(), "BUYER");
        var attempts = new (string Mutation, object Input)[]
        {
            ("payoutRunStart", new { currencyCode = "ISK" }),
            ("payoutMarkPaid", new { payoutId = GlobalId("Payout", Guid.CreateVersion7()), reference = "x" }),
            ("payoutMarkFailed", new { payoutId = GlobalId("Payout", Guid.CreateVersion7()), reason = "x" }),
            ("ledgerAdjust", new { sellerId, currencyCode = "ISK", amount = "1000000", reason = "a gift to myself" }),
            ("storeCommissionRateSet", new { storeId = store.Text("id"), rate = "0" }),
            ("sellerPayoutAccountSet", new { sellerId, stripeAccountId = "acct_mine123" }),
        };
        foreach (var (mutation, input) in attempts)
        {
            var type = char.ToUpperInvariant(mutation[0]) + mutation[1..];
            foreach (var (token, code) in new[] { (sellerToken, "FORBIDDEN"), (buyerToken, "FORBIDDEN"), ((string?)null, "UNAUTHENTICATED") })
            {
                var body = await _client.SendAsync($"mutation($i: {type}Input!) {{ {mutation}(input: $i) {{ userErrors {{ code }} }} }}", new { i = input }, token);
                body.ErrorCodes().Should().Equal([code], "{0} by {1}", mutation, token is null ? "anonymous" : token == sellerToken ? "a seller" : "a buyer");
            }
        }

        foreach (var (token, code) in new[] { (sellerToken, "FORBIDDEN"), (buyerToken, "FORBIDDEN"), ((string?)null, "UNAUTHENTICATED") })
            (await _client.SendAsync("{ payouts(first: 5) { nodes { id sellerId } } }", token: token)).ErrorCodes().Should().Equal([code], "only administrators list every seller's payouts");

        (await _client.BalancesAsync(sellerToken)).Should().BeEquivalentTo(before);
        (await _client.PayoutsAsync(sellerToken)).Should().BeEmpty();
        (await _client.EntriesAsync(sellerToken)).Should().OnlyContain(e => e.Type == "SALE" || e.Type == "COMMISSION");
    }

    [Fact]
    public async Task Bad_administrator_input_answers_clear_codes_and_changes_nothing()
    {
        var admin = await AdminTokens.IssueAsync();
        var (sellerToken, sellerId, store) = await _client.NewStoreAsync(app);
        const string Entry = "ledgerEntry { type amount { amount currencyCode } reason }";

        var cases = new (string Mutation, object Input, string Code, string Field)[]
        {
            ("ledgerAdjust", new { sellerId, currencyCode = "HUF", amount = "5.00", reason = "" }, "REQUIRED", "reason"),
            ("ledgerAdjust", new { sellerId, currencyCode = "HUF", amount = "5.00", reason = "   " }, "REQUIRED", "reason"),
            ("ledgerAdjust", new { sellerId, currencyCode = "HUF", amount = "0", reason = "nothing" }, "INVALID_AMOUNT", "amount"),
            ("ledgerAdjust", new { sellerId, currencyCode = "HUF", amount = "1.005", reason = "too precise" }, "INVALID_AMOUNT", "amount"),
            ("ledgerAdjust", new { sellerId, currencyCode = "HUF", amount = "99999999999999", reason = "too much" }, "INVALID_AMOUNT", "amount"),
            ("ledgerAdjust", new { sellerId, currencyCode = "XXX", amount = "5", reason = "unknown currency" }, "INVALID_CURRENCY", "currencyCode"),
            ("ledgerAdjust", new { sellerId = Guid.CreateVersion7().ToString(), currencyCode = "HUF", amount = "5", reason = "nobody" }, "SELLER_NOT_FOUND", "sellerId"),
            ("ledgerAdjust", new { sellerId = "not-a-user", currencyCode = "HUF", amount = "5", reason = "malformed" }, "INVALID_ID", "sellerId"),
            ("storeCommissionRateSet", new { storeId = store.Text("id"), rate = "1.5" }, "INVALID_RATE", "rate"),
            ("storeCommissionRateSet", new { storeId = store.Text("id"), rate = "-0.1" }, "INVALID_RATE", "rate"),
            ("storeCommissionRateSet", new { storeId = store.Text("id"), rate = "0.12345" }, "INVALID_RATE", "rate"),
            ("storeCommissionRateSet", new { storeId = GlobalId("Store", Guid.CreateVersion7()), rate = "0.2" }, "STORE_NOT_FOUND", "storeId"),
            ("payoutMarkPaid", new { payoutId = GlobalId("Payout", Guid.CreateVersion7()), reference = "BANK-1" }, "PAYOUT_NOT_FOUND", "payoutId"),
            ("payoutMarkFailed", new { payoutId = GlobalId("Payout", Guid.CreateVersion7()), reason = "" }, "REQUIRED", "reason"),
            ("payoutMarkPaid", new { payoutId = store.Text("id"), reference = "BANK-1" }, "INVALID_ID", "payoutId"),
            ("sellerPayoutAccountSet", new { sellerId, stripeAccountId = "bank:DE89 3704" }, "INVALID_ACCOUNT", "stripeAccountId"),
            ("sellerPayoutAccountSet", new { sellerId = Guid.CreateVersion7().ToString(), stripeAccountId = "acct_123" }, "SELLER_NOT_FOUND", "sellerId"),
            ("payoutRunStart", new { currencyCode = "eur" }, "INVALID_CURRENCY", "currencyCode"),
        };
        foreach (var (mutation, input, code, field) in cases)
        {
            var payload = await _client.AdminAsync(admin, mutation, input, mutation switch
            {
                "ledgerAdjust" => Entry,
                "storeCommissionRateSet" => "commissionRate { rate }",
                "sellerPayoutAccountSet" => "payoutAccount { stripeAccountId }",
                "payoutRunStart" => "payouts { id }",
                _ => "payout { id }",
            });
            var error = payload["userErrors"]!.AsArray().Should().ContainSingle($"{mutation} {input}").Subject;
            (error.Text("code"), error!["field"]!.AsArray().Select(f => f!.GetValue<string>()).Last()).Should().Be((code, field), $"{mutation} {input}");
        }

        (await _client.BalancesAsync(sellerToken)).Should().BeEmpty("no refused adjustment was booked");

        // A good adjustment, retried with its key: booked once; the key with another amount is refused.
        var adjust = new { sellerId, currencyCode = "HUF", amount = "-12.50", reason = "Chargeback fee", idempotencyKey = "ticket-4711" };
        var first = await _client.AdminAsync(admin, "ledgerAdjust", adjust, Entry);
        first.Codes().Should().BeEmpty();
        first["ledgerEntry"].Text("type").Should().Be("ADJUSTMENT");
        (await _client.AdminAsync(admin, "ledgerAdjust", adjust, Entry)).Codes().Should().BeEmpty();
        (await _client.AdminAsync(admin, "ledgerAdjust", adjust with { }, Entry))["ledgerEntry"].Text("reason").Should().Be("Chargeback fee");
        (await _client.AdminAsync(admin, "ledgerAdjust", new { sellerId, currencyCode = "HUF", amount = "-20.00", reason = "Chargeback fee", idempotencyKey = "ticket-4711" }, Entry))
            .Codes().Should().Equal("IDEMPOTENCY_KEY_REUSED");
        (await _client.BalanceAsync(sellerToken, "HUF")).Should().Be(new Balance(-12.50m, 0m));
        var entry = (await _client.EntriesAsync(sellerToken)).Should().ContainSingle().Subject;
        (entry.Type, entry.Amount, entry.Reason, entry.Status).Should().Be(("ADJUSTMENT", -12.50m, "Chargeback fee", "AVAILABLE"));
    }

    [Fact]
    public async Task A_store_commission_rate_applies_to_orders_booked_after_it_and_null_restores_the_default()
    {
        var admin = await AdminTokens.IssueAsync();
        var (token, sellerIdText, store) = await _client.NewStoreAsync(app);
        var (storeId, sellerId) = (Guid.Parse(LocalId(store.Text("id"))), Guid.Parse(sellerIdText));

        var set = await _client.AdminAsync(admin, "storeCommissionRateSet", new { storeId = store.Text("id"), rate = "0.085" }, "commissionRate { storeId rate overridden }");
        set.Codes().Should().BeEmpty();
        (set["commissionRate"].Text("rate"), set["commissionRate"]!["overridden"]!.GetValue<bool>()).Should().Be(("0.0850", true));
        var reduced = SimOrder.New(storeId, sellerId, "BGN", 10_10);
        await app.PublishAllAsync([reduced.Change("PLACED", "ACCEPTED", 2)]);

        var cleared = await _client.AdminAsync(admin, "storeCommissionRateSet", new { storeId = store.Text("id"), rate = (string?)null }, "commissionRate { rate overridden }");
        (cleared["commissionRate"].Text("rate"), cleared["commissionRate"]!["overridden"]!.GetValue<bool>()).Should().Be(("0.1000", false));
        (await _client.AdminAsync(admin, "storeCommissionRateSet", new { storeId = store.Text("id") }, "commissionRate { rate }")).Codes().Should().Equal("REQUIRED");
        var standard = SimOrder.New(storeId, sellerId, "BGN", 10_10);
        await app.PublishAllAsync([standard.Change("PLACED", "ACCEPTED", 2)]);

        var commissions = (await _client.EntriesAsync(token)).Where(e => e.Type == "COMMISSION").ToDictionary(e => LocalId(e.OrderId!), e => (e.Amount, e.CommissionRate));
        // 1010 × 0.085 = 85.85 → 86 cents; 1010 × 0.1 = 101 cents.
        commissions[reduced.OrderId.ToString()].Should().Be((-0.86m, 0.085m));
        commissions[standard.OrderId.ToString()].Should().Be((-1.01m, 0.1m));
    }
}
