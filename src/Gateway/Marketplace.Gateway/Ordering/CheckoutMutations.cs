using System.Globalization;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Users;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>checkoutCreate</c> and <c>checkoutComplete</c>: buyers, on their own cart and checkouts only.</summary>
internal sealed class CheckoutMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CheckoutCreatePayloadType>>("checkoutCreate")
            .Description("Buyers: prices your cart again, checks every store is open and delivers to the address (or offers pickup), and holds the stock for 15 minutes. Replaces your earlier open checkout. Then call checkoutComplete with its total.")
            .Argument<NonNullGraphType<CheckoutCreateInputType>>("input", "Delivery or pickup, and how you pay.")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await CheckoutPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new CreateCheckoutRequest
                {
                    DeliveryAddressId = input.Id("deliveryAddressId", UsersArea.AddressTypeName) ?? "",
                    Pickup = input.Flag("pickup") ?? false,
                    PaymentMethod = input.OptionalText("paymentMethod") ?? "",
                    CardPaymentMethodId = input.OptionalText("cardPaymentMethodId") ?? "",
                };
                var checkout = await OrderingArea.Checkouts(c).CreateCheckoutAsync(request, cancellationToken: c.CancellationToken);
                return new CheckoutPayload(checkout, null, []);
            }));

        mutation.Field<NonNullGraphType<CheckoutCompletePayloadType>>("checkoutComplete")
            .Description("Buyers: places the orders of your OPEN checkout, one per store in one order group, and takes the payment (CARD: held). Exactly once per idempotency key; nothing is charged when it fails.")
            .Argument<NonNullGraphType<CheckoutCompleteInputType>>("input", "The checkout, your idempotency key and the total you agreed to.")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c =>
            {
                var input = c.Input();
                string? checkoutId = null;
                var payload = await CheckoutPayload.RunAsync(async () =>
                {
                    checkoutId = input.RequiredId("checkoutId", OrderingArea.CheckoutTypeName);
                    var request = new CompleteCheckoutRequest
                    {
                        CheckoutId = checkoutId,
                        IdempotencyKey = input.Text("idempotencyKey"),
                        ExpectedTotal = input.Amount("expectedTotal")?.ToString(CultureInfo.InvariantCulture) ?? "",
                    };
                    var response = await OrderingArea.Checkouts(c).CompleteCheckoutAsync(request, cancellationToken: c.CancellationToken);
                    return new CheckoutPayload(null, response.OrderGroup, []);
                });
                if (checkoutId is not null && payload.UserErrors.Any(e => e.Code == OrderingErrorCodes.PriceChanged))
                {
                    // The new total the buyer must agree to comes with the refusal.
                    var repriced = await OrderingArea.Checkouts(c).GetCheckoutAsync(new GetCheckoutRequest { Id = checkoutId }, cancellationToken: c.CancellationToken);
                    payload = payload with { Checkout = repriced };
                }

                return payload;
            });
    }
}
