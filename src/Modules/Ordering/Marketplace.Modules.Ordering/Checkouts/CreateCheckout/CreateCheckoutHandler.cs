using Grpc.Core;
using Marketplace.Modules.Ordering.Carts.GetCart;
using Marketplace.Modules.Ordering.Checkouts.OpenCheckout;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Payments;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.Checkouts.CreateCheckout;

/// <summary>
/// In order: the cart (CART_EMPTY), the payment method (PAYMENT_METHOD_UNAVAILABLE), the address as the buyer's own
/// (ADDRESS_NOT_FOUND), the prices and stores now (LINE_UNAVAILABLE, STORE_UNAVAILABLE, CURRENCY_MISMATCH), delivery
/// to the address per store (OUTSIDE_DELIVERY_AREA), the stock hold (INSUFFICIENT_STOCK), the payment's preparation, and
/// last the checkout's row. Whatever fails after the hold releases it; nothing before it holds anything.
/// </summary>
internal sealed class CreateCheckoutHandler(
    ISender mediator,
    CheckoutPricing pricing,
    StockHolds holds,
    PaymentProviders payments,
    UsersProfiles.UsersProfilesClient users,
    SellersStores.SellersStoresClient sellers,
    OrderingOptions options,
    TimeProvider clock,
    ILogger<CreateCheckoutHandler> logger) : IRequestHandler<CreateCheckoutCommand, Checkout>
{
    public async ValueTask<Checkout> Handle(CreateCheckoutCommand command, CancellationToken cancellationToken)
    {
        var cart = await mediator.Send(new GetCartQuery(command.BuyerId), cancellationToken);
        if (cart is null || cart.Lines.Count == 0 || cart.CurrencyCode is null)
            throw ContractError.FailedPrecondition(OrderingErrorCodes.CartEmpty, "Your cart is empty: add lines before checking out.");

        var provider = payments.Find(command.PaymentMethod);
        if (provider is not { Enabled: true })
            throw Invalid("paymentMethod", OrderingErrorCodes.PaymentMethodUnavailable, $"{command.PaymentMethod} is not available here.");

        var address = command.Pickup ? null : await AddressAsync(command.DeliveryAddressId!.Value, cancellationToken);
        var lines = cart.Lines.OrderBy(l => l.Position).Select(l => new LineToPrice(l.VariantId, l.StoreId, l.Quantity)).ToList();
        var priced = await pricing.PriceAsync(lines, cart.CurrencyCode, cancellationToken);
        priced.ThrowIfProblems();

        var distances = new Dictionary<Guid, double>();
        if (address is not null)
        {
            var outside = new List<FieldViolation>();
            foreach (var store in priced.Stores.Values)
            {
                var answer = await sellers.DeliversToAsync(
                    new DeliversToRequest { StoreId = store.Id.ToString(), Location = new() { Latitude = address.Latitude, Longitude = address.Longitude } },
                    cancellationToken: cancellationToken);
                distances[store.Id] = answer.DistanceMeters;
                if (!answer.Delivers)
                    outside.Add(new("", $"{store.Name} does not deliver to this address ({answer.DistanceMeters / 1000:0.#} km away).", OrderingErrorCodes.OutsideDeliveryArea));
            }

            if (outside.Count > 0)
                throw ContractError.FailedPrecondition(OrderingErrorCodes.OutsideDeliveryArea, string.Join(" ", outside.Select(o => o.Message)), outside);
        }

        var (expiresAt, shortLines) = await holds.ReserveAsync(cart.Id, priced.Lines, options.Checkout.HoldTtl, cancellationToken);
        if (shortLines.Count > 0)
        {
            var violations = shortLines.Select(s => new FieldViolation("", $"Line {s.Index + 1} ({priced.Lines[s.Index].ProductTitle}): only {s.Available} available.", OrderingErrorCodes.InsufficientStock)).ToList();
            throw ContractError.FailedPrecondition(OrderingErrorCodes.InsufficientStock, string.Join(" ", violations.Select(v => v.Message)), violations);
        }

        var checkoutId = Guid.CreateVersion7();
        var document = priced.Document(distances);
        try
        {
            var payment = await PrepareAsync(provider, new PaymentRequest(checkoutId, command.BuyerId, priced.Total, priced.CurrencyCode, command.CardPaymentMethodId), cancellationToken);
            var now = Timestamps.Truncate(clock.GetUtcNow());
            var opened = await mediator.Send(
                new OpenCheckoutCommand(new Checkout
                {
                    Id = checkoutId,
                    BuyerId = command.BuyerId,
                    CartId = cart.Id,
                    CartVersion = cart.Version,
                    ExpiresAt = Timestamps.Truncate(expiresAt!.Value),
                    Fulfilment = command.Pickup ? Fulfilment.Pickup : Fulfilment.Delivery,
                    DeliveryAddressId = address?.AddressId,
                    DeliveryAddress = address is null ? null : Json.Write(address),
                    PaymentMethod = command.PaymentMethod,
                    CurrencyCode = priced.CurrencyCode,
                    Total = priced.Total,
                    Document = Json.Write(document),
                    PaymentIntentId = payment.IntentId,
                    PaymentClientSecret = payment.ClientSecret,
                    PaymentStatus = payment.Status,
                    CreatedAt = now,
                    UpdatedAt = now,
                }),
                cancellationToken);

            // Stores of the replaced checkout that this one no longer has: their holds end (the others were replaced).
            await holds.ReleaseAsync(cart.Id, opened.ReplacedStoreIds.Except(document.Stores.Select(s => s.Store.Id)), cancellationToken);
            return opened.Checkout;
        }
        catch (Exception e) when (e is not RpcException rpc || rpc.Reason() != OrderingErrorCodes.CheckoutInProgress)
        {
            // Nothing was opened: the hold goes (a completing checkout of the cart is left alone: the hold is its).
            await holds.ReleaseAsync(cart.Id, document.Stores.Select(s => s.Store.Id), CancellationToken.None);
            throw;
        }
    }

    /// <summary>The provider's failure (CARD: Stripe unreachable or refusing) is PAYMENT_FAILED: nothing was charged.</summary>
    private async Task<PreparedPayment> PrepareAsync(IPaymentProvider provider, PaymentRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await provider.PrepareAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or RpcException))
        {
            logger.LogWarning(e, "Checkout {CheckoutId}: the {Method} payment could not be prepared", request.CheckoutId, provider.Method);
            throw ContractError.FailedPrecondition(OrderingErrorCodes.PaymentFailed, "The payment could not be prepared: nothing was charged and nothing is held. Try again or choose another payment method.");
        }
    }

    private async Task<AddressDoc> AddressAsync(Guid addressId, CancellationToken cancellationToken)
    {
        Address address;
        try
        {
            address = await users.GetAddressAsync(new GetAddressRequest { Id = addressId.ToString() }, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw Invalid("deliveryAddressId", OrderingErrorCodes.AddressNotFound, "No such address in your address book.");
        }

        var f = address.Fields;
        return new AddressDoc(addressId, f.Label, f.Recipient, f.Phone, f.Lines.ToList(), f.City, f.Region, f.PostalCode, f.Country, f.Location?.Latitude ?? 0, f.Location?.Longitude ?? 0);
    }

    private static RpcException Invalid(string field, string code, string message) =>
        ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, "The input is not valid.", [new FieldViolation(field, message, code)]);
}
