using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Marketplace.Sellers.Tests.Support;
using static Marketplace.Sellers.Tests.Support.Payouts;

namespace Marketplace.Sellers.Tests;

/// <summary>
/// Payout runs and the manual provider (docs/payouts.md). Each test pays its own currency (runs are started for one
/// currency), so tests running at the same time never pay out each other's sellers.
/// </summary>
public sealed class PayoutRunTests(SellersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_refund_after_a_payout_leaves_a_negative_balance_that_the_next_payout_nets()
    {
        var admin = await AdminTokens.IssueAsync();
        var (sellerId, token) = await MintSellerAsync();
        var (smallSellerId, smallToken) = await MintSellerAsync();
        var first = SimOrder.New(Guid.CreateVersion7(), sellerId, "CHF", 100_00);
        await app.PublishAllAsync([.. first.Completed(), .. SimOrder.New(Guid.CreateVersion7(), smallSellerId, "CHF", 5_00).Completed()]);
        (await _client.BalanceAsync(token, "CHF")).Should().Be(new Balance(90.00m, 0m));

        var run = await _client.RunAsync(admin, "CHF");
        run.Codes().Should().BeEmpty();
        var payout = Single(run, sellerId);
        Amount(payout["amount"]).Should().Be(90.00m);
        payout.Text("status").Should().Be("PENDING");
        payout.Text("provider").Should().Be("MANUAL", "the seller has no Stripe account");
        Of(run, smallSellerId).Should().BeEmpty("4.50 CHF is below the minimum (10)");
        (await _client.BalanceAsync(smallToken, "CHF")).Should().Be(new Balance(4.50m, 0m));
        (await _client.AdminAsync(admin, "payoutMarkPaid", new { payoutId = payout.Text("id"), reference = "BANK-1" }, "payout { status }")).Codes().Should().BeEmpty();
        (await _client.BalanceAsync(token, "CHF")).Should().Be(new Balance(0m, 0m));

        // An administrator cancels the delivered order: the refund's entries are available at once and the balance is negative.
        await app.PublishAllAsync([first.Change("COMPLETED", "CANCELLED", 6, "ADMIN")]);
        (await _client.BalanceAsync(token, "CHF")).Should().Be(new Balance(-90.00m, 0m));
        Of(await _client.RunAsync(admin, "CHF"), sellerId).Should().BeEmpty("nothing is owed");

        // The next sale nets the debt: 180 earned − 90 owed = 90 paid.
        await app.PublishAllAsync(SimOrder.New(Guid.CreateVersion7(), sellerId, "CHF", 200_00).Completed());
        (await _client.BalanceAsync(token, "CHF")).Should().Be(new Balance(90.00m, 0m));
        var second = Single(await _client.RunAsync(admin, "CHF"), sellerId);
        Amount(second["amount"]).Should().Be(90.00m);
        (await _client.BalanceAsync(token, "CHF")).Should().Be(new Balance(0m, 0m));

        var entries = await _client.EntriesAsync(token);
        entries.Where(e => e.Type == "PAYOUT").Select(e => e.Amount).Should().BeEquivalentTo([-90.00m, -90.00m]);
        entries.Sum(e => e.Amount).Should().Be(0m);
        (await _client.PayoutsAsync(token)).Select(p => p.Text("status")).Should().Equal("PENDING", "PAID");
    }

    [Fact]
    public async Task Concurrent_payout_runs_create_one_payout_per_seller_and_currency()
    {
        var admin = await AdminTokens.IssueAsync();
        var sellers = await SellersWithCompletedOrdersAsync("SEK", 8);

        var runs = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _client.RunAsync(admin, "SEK")));

        runs.SelectMany(r => r.Codes()).Should().BeEmpty();
        await AssertPaidOnceAsync(sellers, runs, "SEK");
    }

    [Fact]
    public async Task Two_hosts_running_payouts_at_once_create_each_payout_once()
    {
        var admin = await AdminTokens.IssueAsync();
        var sellers = await SellersWithCompletedOrdersAsync("PLN", 6);
        await using var other = await SecondHost.StartAsync(app);

        var here = Enumerable.Range(0, 4).Select(_ => _client.RunAsync(admin, "PLN"));
        var there = Enumerable.Range(0, 4).Select(_ => other.Http.RunAsync(admin, "PLN"));
        var runs = await Task.WhenAll(here.Concat(there));

        runs.SelectMany(r => r.Codes()).Should().BeEmpty();
        await AssertPaidOnceAsync(sellers, runs, "PLN");
    }

    [Fact]
    public async Task An_administrator_marks_a_manual_payout_paid_or_failed_once()
    {
        var admin = await AdminTokens.IssueAsync();
        var (paidSeller, paidToken) = await MintSellerAsync();
        var (failedSeller, failedToken) = await MintSellerAsync();
        await app.PublishAllAsync([.. SimOrder.New(Guid.CreateVersion7(), paidSeller, "NOK", 100_00).Completed(), .. SimOrder.New(Guid.CreateVersion7(), failedSeller, "NOK", 50_00).Completed()]);
        var run = await _client.RunAsync(admin, "NOK");
        var paid = Single(run, paidSeller).Text("id");
        var failed = Single(run, failedSeller).Text("id");
        (await PendingAsync(admin, "NOK")).Should().Contain([paid, failed], "administrators find the payouts to settle");

        var marked = await _client.AdminAsync(admin, "payoutMarkPaid", new { payoutId = paid, reference = "BANK-77" }, "payout { status reference paidAt }");
        marked.Codes().Should().BeEmpty();
        marked["payout"].Text("status").Should().Be("PAID");
        marked["payout"].Text("reference").Should().Be("BANK-77");
        foreach (var (mutation, input) in new (string, object)[] { ("payoutMarkPaid", new { payoutId = paid, reference = "again" }), ("payoutMarkFailed", new { payoutId = paid, reason = "oops" }) })
        {
            var refused = await _client.AdminAsync(admin, mutation, input, "payout { status }");
            refused.Codes().Should().Equal("PAYOUT_NOT_PENDING");
            refused["payout"].Should().BeNull();
        }

        (await _client.EntriesAsync(paidToken)).Should().NotContain(e => e.Type == "PAYOUT_FAILED", "a paid payout cannot give its money back");
        (await PendingAsync(admin, "NOK")).Should().NotContain(paid).And.Contain(failed);
        (await _client.BalanceAsync(paidToken, "NOK")).Should().Be(new Balance(0m, 0m));

        var failing = await _client.AdminAsync(admin, "payoutMarkFailed", new { payoutId = failed, reason = "Account closed" }, "payout { status failureReason failedAt }");
        failing.Codes().Should().BeEmpty();
        failing["payout"].Text("status").Should().Be("FAILED");
        (await _client.BalanceAsync(failedToken, "NOK")).Should().Be(new Balance(45.00m, 0m), "the failed payout's money is back");
        var back = (await _client.EntriesAsync(failedToken)).Single(e => e.Type == "PAYOUT_FAILED");
        (back.Amount, back.Reason, back.Status).Should().Be((45.00m, "Account closed", "AVAILABLE"));

        // The next run pays it again; then many administrators settle that payout at once: one wins, money moves once.
        var retry = Single(await _client.RunAsync(admin, "NOK"), failedSeller).Text("id");
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? _client.AdminAsync(admin, "payoutMarkFailed", new { payoutId = retry, reason = $"bounce {i}" }, "payout { status }")
            : _client.AdminAsync(admin, "payoutMarkPaid", new { payoutId = retry, reference = $"BANK-{i}" }, "payout { status }")));
        answers.Count(a => a.Codes().Length == 0).Should().Be(1);
        answers.Where(a => a.Codes().Length > 0).Should().OnlyContain(a => a.Codes().Single() == "PAYOUT_NOT_PENDING");
        var entries = await _client.EntriesAsync(failedToken);
        entries.Count(e => e.Type == "PAYOUT_FAILED").Should().BeInRange(1, 2);
        entries.Sum(e => e.Amount).Should().Be((await _client.BalanceAsync(failedToken, "NOK")).Available);
        (await _client.BalanceAsync(failedToken, "NOK")).Available.Should().Be(entries.Count(e => e.Type == "PAYOUT_FAILED") == 2 ? 45.00m : 0m);
    }

    private async Task<List<string>> PendingAsync(string admin, string currency) =>
        (await _client.SendAsync("query($c: String) { payouts(status: PENDING, currencyCode: $c, first: 100) { nodes { id status } } }", new { c = currency }, admin))
            .Data("payouts")["nodes"]!.AsArray().Select(n => n.Text("id")).ToList();

    private async Task<List<(Guid SellerId, string Token, decimal Share)>> SellersWithCompletedOrdersAsync(string currency, int count)
    {
        var sellers = new List<(Guid, string, decimal)>();
        var changes = new List<Marketplace.Modules.Ordering.Contracts.Events.OrderStatusChanged>();
        for (var i = 0; i < count; i++)
        {
            var (sellerId, token) = await MintSellerAsync();
            var total = Random.Shared.NextInt64(20_00, 900_00);
            changes.AddRange(SimOrder.New(Guid.CreateVersion7(), sellerId, currency, total).Completed());
            sellers.Add((sellerId, token, SimOrder.Money(total - Commission(total, 0.10m), currency)));
        }

        await app.PublishAllAsync(changes);
        return sellers;
    }

    private async Task AssertPaidOnceAsync(List<(Guid SellerId, string Token, decimal Share)> sellers, JsonNode[] runs, string currency)
    {
        foreach (var (sellerId, token, share) in sellers)
        {
            runs.SelectMany(r => Of(r, sellerId)).Should().ContainSingle("one run, and only one, paid seller {0}", sellerId);
            var payouts = await _client.PayoutsAsync(token);
            payouts.Should().ContainSingle();
            Amount(payouts[0]["amount"]).Should().Be(share);
            (await _client.BalanceAsync(token, currency)).Should().Be(new Balance(0m, 0m));
            (await _client.EntriesAsync(token)).Count(e => e.Type == "PAYOUT").Should().Be(1);
        }
    }

    private static List<JsonNode> Of(JsonNode run, Guid sellerId) =>
        run["payouts"]!.AsArray().Where(p => p.Text("sellerId") == sellerId.ToString()).Select(p => p!).ToList();

    private static JsonNode Single(JsonNode run, Guid sellerId)
    {
        run.Codes().Should().BeEmpty();
        return Of(run, sellerId).Should().ContainSingle().Subject;
    }

    /// <summary>A second host process on the same database, NATS and Redis (Production, its own port), as a second replica.</summary>
    private sealed class SecondHost : IAsyncDisposable
    {
        private readonly HostProcess.Running _process;

        private SecondHost(HostProcess.Running process, HttpClient http)
        {
            _process = process;
            Http = http;
        }

        public HttpClient Http { get; }

        public static async Task<SecondHost> StartAsync(SellersApp app)
        {
            var port = HostProcess.FreePort();
            var process = HostProcess.Start([], new Dictionary<string, string?>
            {
                ["ConnectionStrings__Marketplace"] = TestServices.Postgres,
                ["ConnectionStrings__Redis"] = TestServices.Redis,
                ["ConnectionStrings__Nats"] = TestServices.Nats,
                ["Events__SubjectPrefix"] = app.SubjectPrefix,
                ["Jobs__Prefix"] = app.JobsPrefix,
                ["Jobs__Server"] = "false",
                ["Server__HttpPort"] = port.ToString(CultureInfo.InvariantCulture),
                ["Server__BindAddress"] = "127.0.0.1",
                ["Gateway__RateLimitPerIp"] = "0",
                ["Gateway__RateLimitPerUser"] = "0",
                ["Gateway__Auth__KeyRefreshMinInterval"] = "00:00:00",
                // A replica of the suite's host: the same payout settings (it shares the ledger's event consumer, so an
                // order it books must become available as the suite's host would make it, and pay out the same way).
                ["Modules__Sellers__Payouts__HoldPeriod"] = "00:00:00",
                ["Modules__Sellers__Payouts__Stripe__SecretKey"] = StripeTransferStandIn.SecretKey,
                ["Modules__Sellers__Payouts__Stripe__ApiBase"] = app.Stripe.ApiBase,
            });
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) };
            var host = new SecondHost(process, http);
            await Eventually.AssertAsync(
                async () =>
                {
                    if (process.HasExited)
                        throw new InvalidOperationException($"The second host exited: {process.Output}");
                    try
                    {
                        return (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                TimeSpan.FromSeconds(120),
                "the second host starts");
            return host;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _process.DisposeAsync();
        }
    }
}
