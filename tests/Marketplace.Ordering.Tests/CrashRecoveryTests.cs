using System.Net;
using Marketplace.Ordering.Tests.Support;
using Npgsql;

namespace Marketplace.Ordering.Tests;

[CollectionDefinition(nameof(CrashRecoveryTests), DisableParallelization = true)]
public sealed class CrashRecoveryCollection;

/// <summary>
/// A host process killed in the middle of checkoutComplete (a test hook makes it call Environment.FailFast at a named
/// point), then a new process: never a charged buyer without an order, never stock lost. Alone in its collection: the
/// new process's recovery pass treats any completion older than a second as dead, so no other test completes beside it.
/// </summary>
[Collection(nameof(CrashRecoveryTests))]
public sealed class CrashRecoveryTests(OrderingApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("PaymentAuthorized")]
    [InlineData("StockCommitted")]
    public async Task A_host_killed_before_the_orders_are_written_is_undone_by_the_next_process(string crashPoint)
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), price: "6.00", stock: 5);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 2))).Codes().Should().BeEmpty();
        var created = await _client.CheckoutCreateAsync(buyer.Token, new { deliveryAddressId = buyer.AddressGlobalId, paymentMethod = "CARD", cardPaymentMethodId = "pm_card_visa" });
        created.Codes().Should().BeEmpty(created.ToJsonString());
        var checkout = created["checkout"]!;
        var checkoutId = Ids.Local(checkout.Text("id"));
        var intent = app.Stripe.ForCheckout(checkoutId).Single();
        var key = Guid.NewGuid().ToString();

        await using (var doomed = await StartHostAsync(new() { ["Modules__Ordering__Testing__CrashAfter"] = crashPoint, ["Modules__Ordering__Recovery__RunAtStart"] = "false" }))
        {
            await DiesAsync(doomed, () => doomed.Http.SendAsync(CompleteMutation, Variables(checkout.Text("id"), key, "12.00"), buyer.Token));
            await Eventually.AssertAsync(() => Task.FromResult(doomed.Process.HasExited), TimeSpan.FromSeconds(30), "the host exits");
            doomed.Process.Output.Should().Contain($"crash after {crashPoint}");
        }

        (await CheckoutRowAsync(checkoutId)).Status.Should().Be("COMPLETING", "the process died between the steps");
        app.Stripe.Get(intent.Id).Status.Should().Be("requires_capture", "the card was held before the crash");
        var level = await app.LevelAsync(listing.VariantId);
        (level.Reserved + level.Allocated).Should().Be(2, "the stock is still held or committed");

        await using (await StartHostAsync(new() { ["Modules__Ordering__Recovery__StaleAfter"] = "00:00:01", ["Modules__Ordering__Recovery__RunAtStart"] = "true" }))
        {
            await Eventually.AssertAsync(async () => (await CheckoutRowAsync(checkoutId)).Status == "FAILED", TimeSpan.FromSeconds(60), "the new process undoes the completion");
        }

        (await CheckoutRowAsync(checkoutId)).FailureReason.Should().Be("RECOVERED");
        app.Stripe.Get(intent.Id).Status.Should().Be("canceled", "the held payment was voided: never a charged buyer without an order");
        level = await app.LevelAsync(listing.VariantId);
        (level.OnHand, level.Reserved, level.Allocated).Should().Be((5, 0, 0), "nothing held, nothing allocated, nothing lost");
        (await CheckoutTests.OrderCountAsync(buyer)).Should().Be(0);
        var retried = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), key, "12.00");
        retried.Codes().Should().Equal("CHECKOUT_CLOSED");
        (await _client.CartAsync(buyer.Token))!["lineCount"]!.GetValue<int>().Should().Be(1, "the cart is kept for another try");
    }

    [Fact]
    public async Task A_host_killed_after_writing_the_orders_answers_them_to_the_retry_with_the_same_key()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), price: "6.00", stock: 5);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 1))).Codes().Should().BeEmpty();
        var checkout = await _client.CheckoutAsync(buyer);
        var key = Guid.NewGuid().ToString();

        await using (var doomed = await StartHostAsync(new() { ["Modules__Ordering__Testing__CrashAfter"] = "OrdersWritten", ["Modules__Ordering__Recovery__RunAtStart"] = "false" }))
        {
            await DiesAsync(doomed, () => doomed.Http.SendAsync(CompleteMutation, Variables(checkout.Text("id"), key, "6.00"), buyer.Token));
            await Eventually.AssertAsync(() => Task.FromResult(doomed.Process.HasExited), TimeSpan.FromSeconds(30), "the host exits");
        }

        var retried = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), key, "6.00");
        retried.Codes().Should().BeEmpty(retried.ToJsonString());
        retried["orderGroup"]!["orders"]!.AsArray().Should().ContainSingle();
        (await CheckoutTests.OrderCountAsync(buyer)).Should().Be(1);
        var level = await app.LevelAsync(listing.VariantId);
        (level.OnHand, level.Reserved, level.Allocated).Should().Be((5, 0, 1));
    }

    [Fact]
    public async Task A_host_killed_after_a_transition_commits_has_its_payment_and_stock_done_by_the_next_process()
    {
        var accepted = await app.PlaceOrderAsync(card: true);
        var cancelled = await app.PlaceOrderAsync(listing: accepted.Listing, card: true, quantity: 3);
        (await app.CountersAsync(accepted.Listing)).Should().Be((10, 0, 5));

        await using (var doomed = await StartHostAsync(new() { ["Modules__Ordering__Testing__CrashAfter"] = "TransitionCommitted", ["Modules__Ordering__Recovery__RunAtStart"] = "false", ["Modules__Ordering__Lifecycle__EffectsRetryAfter"] = "00:00:01" }))
        {
            await DiesAsync(doomed, () => doomed.Http.SendAsync(
                "mutation($i: OrderAcceptInput!) { orderAccept(input: $i) { order { status } userErrors { code } } }", new { i = new { orderId = accepted.OrderGlobalId } }, accepted.Shop.SellerToken));
            await Eventually.AssertAsync(() => Task.FromResult(doomed.Process.HasExited), TimeSpan.FromSeconds(30), "the host exits");
            doomed.Process.Output.Should().Contain("crash after TransitionCommitted");
        }

        await using (var doomed = await StartHostAsync(new() { ["Modules__Ordering__Testing__CrashAfter"] = "TransitionCommitted", ["Modules__Ordering__Recovery__RunAtStart"] = "false", ["Modules__Ordering__Lifecycle__EffectsRetryAfter"] = "00:00:01" }))
        {
            await DiesAsync(doomed, () => doomed.Http.SendAsync(
                "mutation($i: OrderCancelInput!) { orderCancel(input: $i) { order { status } userErrors { code } } }", new { i = new { orderId = cancelled.OrderGlobalId } }, cancelled.Buyer.Token));
            await Eventually.AssertAsync(() => Task.FromResult(doomed.Process.HasExited), TimeSpan.FromSeconds(30), "the host exits");
        }

        // Committed, not done: the statuses moved (with their events), the card is untouched, the stock still allocated.
        LifecycleFlows.Row(accepted.OrderId).Should().Be(("ACCEPTED", "PAID"));
        LifecycleFlows.Row(cancelled.OrderId).Should().Be(("CANCELLED", "VOIDED"));
        LifecycleFlows.Events(accepted.OrderId).Should().ContainSingle();
        app.Stripe.Get(accepted.IntentId!).Status.Should().Be("requires_capture", "the process died before the capture");
        app.Stripe.Get(cancelled.IntentId!).Status.Should().Be("requires_capture", "the process died before letting the hold go");
        (await app.CountersAsync(accepted.Listing)).Should().Be((10, 0, 5));
        LifecycleFlows.PendingEffects(accepted.OrderId).Should().Be(2, "the capture and the group's settlement wait");

        await using (await StartHostAsync(new() { ["Modules__Ordering__Lifecycle__EffectsRetryAfter"] = "00:00:01", ["Modules__Ordering__Recovery__StaleAfter"] = "00:00:02", ["Modules__Ordering__Recovery__RunAtStart"] = "true" }))
        {
            await Eventually.AssertAsync(
                async () => LifecycleFlows.PendingEffects(accepted.OrderId) + LifecycleFlows.PendingEffects(cancelled.OrderId) == 0 && (await app.CountersAsync(accepted.Listing)).Allocated == 2,
                TimeSpan.FromSeconds(60),
                "the new process does what the dead one left");
        }

        var intent = app.Stripe.Get(accepted.IntentId!);
        (intent.Status, intent.AmountReceived, intent.Captures.Count).Should().Be(("succeeded", 1000L, 1), "captured exactly once");
        app.Stripe.Get(cancelled.IntentId!).Status.Should().Be("canceled", "the cancelled order's hold is let go");
        (await app.CountersAsync(accepted.Listing)).Should().Be((10, 0, 2), "the cancelled order's 3 units are back, once");
        LifecycleFlows.HistoryCount(accepted.OrderId).Should().Be(2);
        LifecycleFlows.Events(accepted.OrderId).Should().ContainSingle("recovering the side effects writes no second event");
        app.Stripe.Problems.Should().BeEmpty();
    }

    /// <summary>The request must end with the process (no answer); an answer is a failure that shows what the host said.</summary>
    private static async Task DiesAsync(HostHandle host, Func<Task<System.Text.Json.Nodes.JsonNode>> request)
    {
        System.Text.Json.Nodes.JsonNode? answer = null;
        try
        {
            answer = await request();
        }
        catch (HttpRequestException)
        {
        }

        answer.Should().BeNull($"the process dies mid-request; it answered {answer?.ToJsonString()}; output: {host.Process.Output}");
    }

    private const string CompleteMutation = "mutation($i: CheckoutCompleteInput!) { checkoutComplete(input: $i) { orderGroup { id } userErrors { code } } }";

    [Fact]
    public async Task Without_stripe_keys_cards_are_off_with_one_log_line_and_refused_at_checkout()
    {
        var listing = await app.ProductAsync(await app.ShopAsync());
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 1))).Codes().Should().BeEmpty();
        await using var host = await StartHostAsync(new() { ["Modules__Ordering__Stripe__SecretKey"] = "", ["Modules__Ordering__Recovery__RunAtStart"] = "false" });

        host.Process.Output.Should().Contain("Payment methods off: CARD");
        var refused = (await host.Http.SendAsync("mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { checkout { id } userErrors { field code } } }",
            new { i = new { deliveryAddressId = buyer.AddressGlobalId, paymentMethod = "CARD" } }, buyer.Token)).Data("checkoutCreate");
        (refused.Codes().Single(), CartTests.Path(refused["userErrors"]![0])).Should().Be(("PAYMENT_METHOD_UNAVAILABLE", "input.paymentMethod"));
        (await app.LevelAsync(listing.VariantId)).Reserved.Should().Be(0);
    }

    private static object Variables(string checkoutId, string key, string total) => new { i = new { checkoutId, idempotencyKey = key, expectedTotal = total } };

    private async Task<HostHandle> StartHostAsync(Dictionary<string, string?> settings)
    {
        var port = HostProcess.FreePort();
        var environment = new Dictionary<string, string?>
        {
            // Not Production: the crash hook is honoured everywhere else only.
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["ConnectionStrings__Marketplace"] = TestServices.Postgres,
            ["ConnectionStrings__Redis"] = TestServices.Redis,
            ["ConnectionStrings__Nats"] = TestServices.Nats,
            ["Events__SubjectPrefix"] = OrderingApp.SubjectPrefix,
            ["Jobs__Prefix"] = OrderingApp.JobsPrefix,
            ["Server__HttpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Server__BindAddress"] = "127.0.0.1",
            ["Jobs__Server"] = "false",
            ["Gateway__RateLimitPerIp"] = "0",
            ["Gateway__RateLimitPerUser"] = "0",
            ["Modules__Ordering__Stripe__SecretKey"] = StripeStandIn.SecretKey,
            ["Modules__Ordering__Stripe__ApiBase"] = app.Stripe.ApiBase,
            // The suite's schedules (OrderingApp): a host registers its recurring jobs in the suite's job prefix at start,
            // and with the defaults it would schedule them for the suite's job server.
            ["Modules__Ordering__Recovery__Cron"] = "0 0 1 1 *",
            ["Modules__Ordering__Lifecycle__ExpiryCron"] = "0 0 1 1 *",
            ["Modules__Ordering__Lifecycle__CompletionCron"] = "0 0 1 1 *",
            ["Modules__Ordering__Lifecycle__EffectsCron"] = "0 0 1 1 *",
        };
        foreach (var (name, value) in settings)
            environment[name] = value;
        var process = HostProcess.Start([], environment);
        var handle = new HostHandle(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) });
        await Eventually.AssertAsync(
            async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"The host exited early: {process.Output}");
                try
                {
                    return (await handle.Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(90),
            "the host starts");
        return handle;
    }

    private static async Task<(string Status, string? FailureReason)> CheckoutRowAsync(string checkoutId)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status, failure_reason FROM ordering.checkouts WHERE id = $1", connection) { Parameters = { new() { Value = Guid.Parse(checkoutId) } } };
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private sealed record HostHandle(HostProcess.Running Process, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Process.DisposeAsync();
        }
    }
}
