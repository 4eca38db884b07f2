using System.Text.Json.Nodes;
using Marketplace.Sellers.Tests.Support;
using static Marketplace.Sellers.Tests.Support.Payouts;

namespace Marketplace.Sellers.Tests;

/// <summary>
/// Payouts through Stripe Connect transfers (Stripe.net against <see cref="StripeTransferStandIn"/>, which checks the key,
/// the Idempotency-Key = payout id, the amount in minor units, the currency and the destination). Each test pays its own
/// currency.
/// </summary>
public sealed class StripePayoutTests(SellersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_payout_to_a_connected_account_is_one_transfer_of_the_balance_in_minor_units()
    {
        var admin = await AdminTokens.IssueAsync();
        var account = app.Stripe.OpenAccount();
        var (token, sellerId, store) = await SellerWithAccountAsync(admin, account);
        await app.PublishAllAsync(SimOrder.New(Guid.Parse(LocalId(store.Text("id"))), sellerId, "DKK", 250_00).Completed());

        var payout = Single(await _client.RunAsync(admin, "DKK"), sellerId);

        payout.Text("provider").Should().Be("STRIPE");
        payout.Text("status").Should().Be("PAID");
        var transfer = app.Stripe.ForPayout(LocalId(payout.Text("id"))).Should().ContainSingle().Subject;
        payout.Text("reference").Should().Be(transfer.Id);
        (transfer.Amount, transfer.Currency, transfer.Destination, transfer.IdempotencyKey).Should().Be((225_00L, "dkk", account, LocalId(payout.Text("id"))));
        (await _client.BalanceAsync(token, "DKK")).Should().Be(new Balance(0m, 0m));

        // Another run: nothing left to pay, no second transfer; and an administrator cannot re-settle it.
        Of(await _client.RunAsync(admin, "DKK"), sellerId).Should().BeEmpty();
        app.Stripe.ToAccount(account).Should().ContainSingle();
        (await _client.AdminAsync(admin, "payoutMarkFailed", new { payoutId = payout.Text("id"), reason = "no" }, "payout { status }")).Codes().Should().Equal("PAYOUT_NOT_PENDING");
        app.Stripe.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_refused_transfer_fails_the_payout_and_gives_the_money_back()
    {
        var admin = await AdminTokens.IssueAsync();
        var (token, sellerId, store) = await SellerWithAccountAsync(admin, "acct_closed" + Guid.NewGuid().ToString("N")[..8]);
        await app.PublishAllAsync(SimOrder.New(Guid.Parse(LocalId(store.Text("id"))), sellerId, "CZK", 500_00).Completed());

        var payout = Single(await _client.RunAsync(admin, "CZK"), sellerId);

        payout.Text("status").Should().Be("FAILED");
        payout.Text("failureReason").Should().Contain("resource_missing");
        (await _client.BalanceAsync(token, "CZK")).Should().Be(new Balance(450.00m, 0m));
        (await _client.EntriesAsync(token)).Where(e => e.PayoutId is not null).Select(e => (e.Type, e.Amount))
            .Should().BeEquivalentTo([("PAYOUT", -450.00m), ("PAYOUT_FAILED", 450.00m)]);
        app.Stripe.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_payout_Stripe_could_not_take_stays_pending_and_the_next_run_sends_it_once()
    {
        var admin = await AdminTokens.IssueAsync();
        var (token, sellerId, store) = await SellerWithAccountAsync(admin, StripeTransferStandIn.DownAccount);
        await app.PublishAllAsync(SimOrder.New(Guid.Parse(LocalId(store.Text("id"))), sellerId, "RON", 80_00).Completed());

        var payout = Single(await _client.RunAsync(admin, "RON"), sellerId);
        payout.Text("status").Should().Be("PENDING");
        (await _client.AdminAsync(admin, "payoutMarkPaid", new { payoutId = payout.Text("id"), reference = "by hand" }, "payout { status }"))
            .Codes().Should().Equal("PAYOUT_NOT_MANUAL");
        (await _client.BalanceAsync(token, "RON")).Should().Be(new Balance(0m, 0m), "the pending payout's money is spoken for");

        app.Stripe.Recover();
        Of(await _client.RunAsync(admin, "RON"), sellerId).Should().BeEmpty("no new payout: the balance is 0");

        var payouts = await _client.PayoutsAsync(token);
        payouts.Should().ContainSingle().Which.Text("status").Should().Be("PAID");
        app.Stripe.ForPayout(LocalId(payout.Text("id"))).Should().ContainSingle();
        app.Stripe.Problems.Should().BeEmpty();
    }

    private async Task<(string Token, Guid SellerId, JsonNode Store)> SellerWithAccountAsync(string admin, string account)
    {
        var (token, sellerId, store) = await _client.NewStoreAsync(app);
        var set = await _client.AdminAsync(admin, "sellerPayoutAccountSet", new { sellerId, stripeAccountId = account }, "payoutAccount { sellerId stripeAccountId }");
        set.Codes().Should().BeEmpty();
        set["payoutAccount"].Text("stripeAccountId").Should().Be(account);
        return (token, Guid.Parse(sellerId), store);
    }

    private static List<JsonNode> Of(JsonNode run, Guid sellerId) =>
        run["payouts"]!.AsArray().Where(p => p.Text("sellerId") == sellerId.ToString()).Select(p => p!).ToList();

    private static JsonNode Single(JsonNode run, Guid sellerId)
    {
        run.Codes().Should().BeEmpty();
        return Of(run, sellerId).Should().ContainSingle().Subject;
    }
}
