using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Ordering.Tests.Support;

namespace Marketplace.Ordering.Tests;

/// <summary>CARD through Stripe.net against the local stand-in: held at complete, never captured here, cancelled on any failure.</summary>
public sealed class CardPaymentTests(OrderingApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    private const string CardFields = "cardPayment { paymentIntentId clientSecret status }";

    [Fact]
    public async Task A_card_payment_confirmed_by_the_client_is_held_when_the_checkout_completes()
    {
        var (buyer, listing, checkout) = await CardCheckoutAsync(price: "12.34", quantity: 2, paymentMethodId: null);
        var intentId = checkout["cardPayment"].Text("paymentIntentId");
        checkout["cardPayment"].Text("clientSecret").Should().StartWith(intentId);
        var intent = app.Stripe.Get(intentId);
        (intent.Amount, intent.Currency, intent.CaptureMethod, intent.Status).Should().Be((2468, "eur", "manual", "requires_payment_method"));
        intent.Metadata["checkout_id"].Should().Be(Ids.Local(checkout.Text("id")));

        app.Stripe.ConfirmAsClient(intentId, "pm_card_visa");
        var placed = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), "24.68");
        placed.Codes().Should().BeEmpty(placed.ToJsonString());
        var order = placed["orderGroup"]!["orders"]![0]!;
        (order.Text("paymentMethod"), order.Text("paymentStatus")).Should().Be(("CARD", "AUTHORIZED"));
        app.Stripe.Get(intentId).Status.Should().Be("requires_capture", "captured only when the seller accepts (issue 17)");
        (await app.LevelAsync(listing.VariantId)).Allocated.Should().Be(2);
        app.Stripe.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_card_given_at_checkoutCreate_is_confirmed_server_side_at_complete()
    {
        var (buyer, _, checkout) = await CardCheckoutAsync(price: "3.00", quantity: 1, paymentMethodId: "pm_card_visa");
        var intentId = checkout["cardPayment"].Text("paymentIntentId");
        app.Stripe.Get(intentId).Status.Should().Be("requires_confirmation");

        var placed = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), "3.00");
        placed.Codes().Should().BeEmpty(placed.ToJsonString());
        placed["orderGroup"]!["orders"]![0].Text("paymentStatus").Should().Be("AUTHORIZED");
        app.Stripe.Get(intentId).Status.Should().Be("requires_capture");
    }

    [Theory]
    [InlineData("pm_card_chargeDeclined", "PAYMENT_FAILED")]
    [InlineData(null, "PAYMENT_ACTION_REQUIRED")]
    public async Task A_declined_or_unconfirmed_card_fails_the_checkout_releases_the_stock_and_places_nothing(string? paymentMethodId, string code)
    {
        var (buyer, listing, checkout) = await CardCheckoutAsync(price: "5.00", quantity: 3, paymentMethodId: paymentMethodId);
        var key = Guid.NewGuid().ToString();

        (await _client.CompleteAsync(buyer.Token, checkout.Text("id"), key, "15.00")).Codes().Should().Equal(code);
        (await _client.CompleteAsync(buyer.Token, checkout.Text("id"), key, "15.00")).Codes().Should().Equal(new[] { code }, "the same key answers the first outcome");
        var level = await app.LevelAsync(listing.VariantId);
        (level.OnHand, level.Reserved, level.Allocated).Should().Be((10, 0, 0));
        (await CheckoutTests.OrderCountAsync(buyer)).Should().Be(0);
        app.Stripe.Get(checkout["cardPayment"].Text("paymentIntentId")).Status.Should().Be("canceled", "nothing stays held on the card");
    }

    [Fact]
    public async Task When_the_card_payment_cannot_be_prepared_checkoutCreate_is_PAYMENT_FAILED_and_holds_nothing()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), stock: 10);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 2))).Codes().Should().BeEmpty();

        var refused = await _client.CheckoutCreateAsync(buyer.Token, new { deliveryAddressId = buyer.AddressGlobalId, paymentMethod = "CARD", cardPaymentMethodId = "pm_standin_unavailable" });
        refused.Codes().Should().Equal("PAYMENT_FAILED");
        (await app.LevelAsync(listing.VariantId)).Reserved.Should().Be(0, "the hold made before the payment was prepared is released");
        (await _client.SendAsync("{ viewer { checkout { id } } }", null, buyer.Token)).Data("viewer")["checkout"].Should().BeNull();
    }

    [Fact]
    public async Task When_the_stock_cannot_be_committed_after_the_card_is_held_the_payment_is_voided()
    {
        var (buyer, listing, checkout) = await CardCheckoutAsync(price: "7.00", quantity: 1, paymentMethodId: "pm_card_visa");
        var cartId = Ids.Local((await _client.SendAsync("{ viewer { cart { id } } }", null, buyer.Token)).Data("viewer")["cart"].Text("id"));
        using (OrderingApp.AsModule("Ordering"))
            (await app.Reservations.ReleaseAsync(new ReleaseRequest { HolderId = $"ordering:cart:{Guid.Parse(cartId):N}:{Guid.Parse(listing.Shop.StoreId):N}" })).ReleasedQuantity.Should().Be(1);

        (await _client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), "7.00")).Codes().Should().Equal("INSUFFICIENT_STOCK");
        app.Stripe.Get(checkout["cardPayment"].Text("paymentIntentId")).Status.Should().Be("canceled");
        (await CheckoutTests.OrderCountAsync(buyer)).Should().Be(0);
        var level = await app.LevelAsync(listing.VariantId);
        (level.Reserved, level.Allocated).Should().Be((0, 0));
    }

    [Fact]
    public async Task A_price_change_moves_the_card_amount_before_it_is_confirmed()
    {
        var (buyer, listing, checkout) = await CardCheckoutAsync(price: "2.00", quantity: 2, paymentMethodId: "pm_card_visa");
        var payload = (await _client.SendAsync(
            "mutation($i: ProductVariantsBulkUpdateInput!) { productVariantsBulkUpdate(input: $i) { userErrors { code } } }",
            new { i = new { productId = listing.ProductGlobalId, variants = new[] { new { id = listing.VariantGlobalId(), price = "2.50" } } } }, listing.Shop.SellerToken)).Data("productVariantsBulkUpdate");
        payload.Codes().Should().BeEmpty();

        (await _client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), "4.00")).Codes().Should().Equal("PRICE_CHANGED");
        var placed = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), "5.00");
        placed.Codes().Should().BeEmpty(placed.ToJsonString());
        var intent = app.Stripe.Get(checkout["cardPayment"].Text("paymentIntentId"));
        (intent.Amount, intent.Status).Should().Be((500, "requires_capture"));
    }

    private async Task<(Buyer Buyer, Listing Listing, System.Text.Json.Nodes.JsonNode Checkout)> CardCheckoutAsync(string price, int quantity, string? paymentMethodId)
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), price: price, stock: 10);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), quantity))).Codes().Should().BeEmpty();
        var payload = (await _client.SendAsync(
            $"mutation($i: CheckoutCreateInput!) {{ checkoutCreate(input: $i) {{ checkout {{ id paymentMethod total {{ amount }} {CardFields} }} userErrors {{ field code message }} }} }}",
            new { i = new { deliveryAddressId = buyer.AddressGlobalId, paymentMethod = "CARD", cardPaymentMethodId = paymentMethodId } }, buyer.Token)).Data("checkoutCreate");
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        return (buyer, listing, payload["checkout"]!);
    }
}
