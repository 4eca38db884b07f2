using Marketplace.Modules.Ordering.Domain;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Marketplace.Modules.Ordering.Payments;

/// <summary>
/// CARD through Stripe PaymentIntents with manual capture (Stripe.net): checkoutCreate creates the intent for the total
/// (the client confirms it with its client secret, or the server confirms it with a payment method given at create),
/// checkoutComplete requires it held (<c>requires_capture</c>), compensation cancels it. After that, each order of the
/// group is captured when its seller accepts (partial captures of the one intent), refunded by order, and what no order
/// took is let go once the group is decided. Every call carries an idempotency
/// key derived from the checkout, so a retry after a timeout or a crash never creates or confirms twice. The API base is a
/// setting: tests point it at a local stand-in. Without a secret key the provider is off (<see cref="Enabled"/>).
/// </summary>
internal sealed class StripePaymentProvider : IPaymentProvider
{
    private readonly PaymentIntentService? _intents;
    private readonly RefundService? _refunds;
    private readonly ILogger<StripePaymentProvider> _logger;

    public StripePaymentProvider(OrderingOptions options, ILogger<StripePaymentProvider> logger)
    {
        _logger = logger;
        var settings = options.Stripe;
        if (settings.SecretKey.Length == 0)
            return;
        var http = new SystemNetHttpClient(new HttpClient { Timeout = settings.Timeout }, maxNetworkRetries: 2);
        var client = new StripeClient(settings.SecretKey, httpClient: http, apiBase: settings.ApiBase.TrimEnd('/'));
        _intents = new PaymentIntentService(client);
        _refunds = new RefundService(client);
    }

    public string Method => PaymentMethods.Card;

    public bool Enabled => _intents is not null;

    public async Task<PreparedPayment> PrepareAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        var options = new PaymentIntentCreateOptions
        {
            Amount = Currencies.ToMinorUnits(request.Amount, request.CurrencyCode),
            Currency = request.CurrencyCode.ToLowerInvariant(),
            CaptureMethod = "manual",
            // One intent pays for every order of the group (one per store), and each is captured when its seller accepts:
            // several partial captures of one authorisation (Stripe's multicapture; docs/ordering.md, "Card payments").
            PaymentMethodOptions = new PaymentIntentPaymentMethodOptionsOptions
            {
                Card = new PaymentIntentPaymentMethodOptionsCardOptions { RequestMulticapture = "if_available" },
            },
            PaymentMethod = request.ProviderMethodId,
            Metadata = new Dictionary<string, string> { ["checkout_id"] = request.CheckoutId.ToString(), ["buyer_id"] = request.BuyerId.ToString() },
        };
        var intent = await Intents.CreateAsync(options, Key(request.CheckoutId, "create"), cancellationToken);
        return new PreparedPayment(intent.Id, intent.ClientSecret, intent.Status);
    }

    public async Task<PaymentAuthorization> AuthorizeAsync(PaymentRequest request, string? intentId, CancellationToken cancellationToken)
    {
        var amount = Currencies.ToMinorUnits(request.Amount, request.CurrencyCode);
        try
        {
            var intent = await Intents.GetAsync(intentId, cancellationToken: cancellationToken);
            if (intent.Amount != amount && intent.Status is "requires_payment_method" or "requires_confirmation")
            {
                // The total changed after checkoutCreate (PRICE_CHANGED, then accepted): the intent follows before it is confirmed.
                intent = await Intents.UpdateAsync(intent.Id, new PaymentIntentUpdateOptions { Amount = amount }, Key(request.CheckoutId, $"amount-{amount}"), cancellationToken);
            }

            if (intent.Status == "requires_confirmation")
                intent = await Intents.ConfirmAsync(intent.Id, new PaymentIntentConfirmOptions(), Key(request.CheckoutId, "confirm"), cancellationToken);

            return intent switch
            {
                { Status: "requires_capture" } when intent.Amount == amount && string.Equals(intent.Currency, request.CurrencyCode, StringComparison.OrdinalIgnoreCase) =>
                    new PaymentAuthorization(PaymentOutcome.Authorized, PaymentStatus.Authorized, intent.Status),
                { Status: "requires_capture" } => new PaymentAuthorization(PaymentOutcome.Declined, "", intent.Status, "The held amount is not the checkout's total."),
                { Status: "requires_action" or "requires_payment_method" } => new PaymentAuthorization(PaymentOutcome.ActionRequired, "", intent.Status),
                _ => new PaymentAuthorization(PaymentOutcome.Declined, "", intent.Status),
            };
        }
        catch (StripeException e) when (e.StripeError?.Type is "card_error" or "invalid_request_error")
        {
            _logger.LogInformation("Checkout {CheckoutId}: card payment refused ({Code})", request.CheckoutId, e.StripeError?.Code);
            return new PaymentAuthorization(PaymentOutcome.Declined, "", e.StripeError?.Code ?? "declined", e.StripeError?.Message);
        }
    }

    public async Task VoidAsync(Guid checkoutId, string? intentId, CancellationToken cancellationToken)
    {
        if (intentId is null)
            return;
        var intent = await Intents.GetAsync(intentId, cancellationToken: cancellationToken);
        if (intent.Status is "canceled" or "succeeded")
            return;
        await Intents.CancelAsync(intentId, new PaymentIntentCancelOptions { CancellationReason = "abandoned" }, Key(checkoutId, "cancel"), cancellationToken);
    }

    public async Task CaptureAsync(OrderPayment payment, long capturedBefore, CancellationToken cancellationToken)
    {
        var amount = Currencies.ToMinorUnits(payment.Amount, payment.CurrencyCode);
        var intent = await Intents.GetAsync(payment.IntentId, cancellationToken: cancellationToken);
        // Captures of one group run one at a time (the caller holds the group's lock) and the earlier ones are known, so
        // what the intent shows tells whether this one already happened (a retry after a crash, even past the 24 hours
        // Stripe keeps an idempotency key): never taken twice.
        if (intent.AmountReceived == capturedBefore + amount)
            return;
        if (intent.AmountReceived != capturedBefore || intent.Status != "requires_capture" || intent.AmountCapturable < amount)
        {
            throw new InvalidOperationException(
                $"Order {payment.OrderId}: cannot capture {amount} of intent {intent.Id} ({intent.Status}, received {intent.AmountReceived}, capturable {intent.AmountCapturable}, expected received {capturedBefore}).");
        }

        var options = new PaymentIntentCaptureOptions
        {
            AmountToCapture = amount,
            Metadata = new Dictionary<string, string> { ["order_id"] = payment.OrderId.ToString() },
        };
        if (!payment.OnlyOrderOfGroup)
        {
            // Not the last capture of this authorisation: the rest stays held for the group's other orders.
            options.FinalCapture = false;
        }

        await Intents.CaptureAsync(intent.Id, options, OrderKey(payment.OrderId, "capture"), cancellationToken);
        _logger.LogInformation("Order {OrderId}: captured {Amount} of intent {IntentId}", payment.OrderId, amount, intent.Id);
    }

    public async Task<bool> CapturesInPartsAsync(string? intentId, CancellationToken cancellationToken)
    {
        // Asked for at creation (if_available); whether the card's network and the account's pricing give it is known only
        // once the charge exists.
        var intent = await Intents.GetAsync(intentId, new PaymentIntentGetOptions { Expand = ["latest_charge"] }, cancellationToken: cancellationToken);
        return intent.LatestCharge?.PaymentMethodDetails?.Card?.Multicapture?.Status == "available";
    }

    public async Task CaptureOnceAsync(Guid groupId, string? intentId, long amount, CancellationToken cancellationToken)
    {
        var intent = await Intents.GetAsync(intentId, cancellationToken: cancellationToken);
        if (intent.AmountReceived == amount)
            return;
        if (intent.AmountReceived != 0 || intent.Status != "requires_capture" || intent.AmountCapturable < amount)
        {
            throw new InvalidOperationException(
                $"Group {groupId}: cannot capture {amount} of intent {intent.Id} at once ({intent.Status}, received {intent.AmountReceived}, capturable {intent.AmountCapturable}).");
        }

        await Intents.CaptureAsync(
            intent.Id,
            new PaymentIntentCaptureOptions { AmountToCapture = amount, Metadata = new Dictionary<string, string> { ["order_group_id"] = groupId.ToString() } },
            new RequestOptions { IdempotencyKey = $"marketplace-group-{groupId:N}-capture" },
            cancellationToken);
        _logger.LogInformation("Order group {GroupId}: captured {Amount} of intent {IntentId} at once (no multicapture for this card)", groupId, amount, intent.Id);
    }

    public async Task RefundAsync(OrderPayment payment, CancellationToken cancellationToken)
    {
        var amount = Currencies.ToMinorUnits(payment.Amount, payment.CurrencyCode);
        // A refund carries its order in its metadata: one already there is not made again, however late the retry.
        await foreach (var earlier in Refunds.ListAutoPagingAsync(new RefundListOptions { PaymentIntent = payment.IntentId, Limit = 100 }, cancellationToken: cancellationToken))
        {
            if (earlier.Metadata?.GetValueOrDefault("order_id") == payment.OrderId.ToString() && earlier.Status is not ("failed" or "canceled"))
                return;
        }

        await Refunds.CreateAsync(
            new RefundCreateOptions
            {
                PaymentIntent = payment.IntentId,
                Amount = amount,
                Reason = "requested_by_customer",
                Metadata = new Dictionary<string, string> { ["order_id"] = payment.OrderId.ToString() },
            },
            OrderKey(payment.OrderId, "refund"),
            cancellationToken);
        _logger.LogInformation("Order {OrderId}: refunded {Amount} of intent {IntentId}", payment.OrderId, amount, payment.IntentId);
    }

    public async Task ReleaseRemainderAsync(Guid groupId, string? intentId, CancellationToken cancellationToken)
    {
        if (intentId is null)
            return;
        var intent = await Intents.GetAsync(intentId, cancellationToken: cancellationToken);
        if (intent.Status != "requires_capture")
            return;
        // Cancelling an intent that still holds an amount lets that amount go; what was captured stays captured.
        await Intents.CancelAsync(intentId, new PaymentIntentCancelOptions { CancellationReason = "abandoned" }, new RequestOptions { IdempotencyKey = $"marketplace-group-{groupId:N}-release" }, cancellationToken);
    }

    private RefundService Refunds => _refunds ?? throw new InvalidOperationException("Card payments are not configured (Modules:Ordering:Stripe:SecretKey).");

    private static RequestOptions OrderKey(Guid orderId, string step) => new() { IdempotencyKey = $"marketplace-order-{orderId:N}-{step}" };

    private PaymentIntentService Intents => _intents ?? throw new InvalidOperationException("Card payments are not configured (Modules:Ordering:Stripe:SecretKey).");

    private static RequestOptions Key(Guid checkoutId, string step) => new() { IdempotencyKey = $"marketplace-checkout-{checkoutId:N}-{step}" };
}
