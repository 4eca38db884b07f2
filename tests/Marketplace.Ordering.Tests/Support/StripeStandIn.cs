using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.Ordering.Tests.Support;

/// <summary>
/// A local stand-in for Stripe's PaymentIntents API (Stripe itself is unreachable here): the real Stripe.net client of the
/// host talks to it over HTTP. It checks what it receives — a test secret key (<c>Authorization: Bearer sk_test_…</c>), an
/// <c>Idempotency-Key</c> on every POST (the same key with other parameters is refused, as Stripe does), amounts as
/// positive integers in minor units, a three-letter lower-case currency, manual capture — and keeps each intent's state.
/// Test payment methods: <c>pm_card_visa</c> (held), <c>pm_card_chargeDeclined</c> (declined),
/// <c>pm_card_authenticationRequired</c> (3-D Secure: requires_action), <c>pm_standin_unavailable</c> (creating the intent
/// fails with a server error, as when Stripe is down).
/// <para>
/// Issue 17's lifecycle: partial captures of one intent (<c>POST …/capture</c> with <c>amount_to_capture</c>;
/// <c>final_capture=false</c> is refused unless the intent was created with
/// <c>payment_method_options[card][request_multicapture]=if_available</c>, as Stripe refuses it for a card without
/// multicapture; never more than is still capturable, at most 50 captures), cancelling a partly captured intent (the rest
/// let go; <c>pm_card_visa_single_capture</c> is a card without multicapture, reported as the charge's
/// <c>payment_method_details.card.multicapture.status</c> when <c>latest_charge</c> is expanded), and refunds (<c>POST /v1/refunds</c> with <c>payment_intent</c>, <c>amount</c>: never more than was
/// captured and not yet refunded; <c>GET /v1/refunds?payment_intent=</c> lists them). Each capture and refund is kept with
/// its <c>metadata[order_id]</c>, so tests add up what each order was charged and given back.
/// </para>
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    public const string SecretKey = "sk_test_marketplace_standin";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Intent> _intents = new();
    private readonly ConcurrentDictionary<string, (string Fingerprint, int Status, string Body)> _idempotency = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<Refund> _refunds = new();
    private readonly Lock _gate = new();

    public StripeStandIn()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{HostProcess.FreePort()}");
        _app = builder.Build();
        _app.MapPost("/v1/payment_intents", context => HandleAsync(context, null, "create"));
        _app.MapGet("/v1/payment_intents/{id}", context => HandleAsync(context, (string)context.Request.RouteValues["id"]!, "get"));
        _app.MapPost("/v1/payment_intents/{id}", context => HandleAsync(context, (string)context.Request.RouteValues["id"]!, "update"));
        _app.MapPost("/v1/payment_intents/{id}/confirm", context => HandleAsync(context, (string)context.Request.RouteValues["id"]!, "confirm"));
        _app.MapPost("/v1/payment_intents/{id}/cancel", context => HandleAsync(context, (string)context.Request.RouteValues["id"]!, "cancel"));
        _app.MapPost("/v1/payment_intents/{id}/capture", context => HandleAsync(context, (string)context.Request.RouteValues["id"]!, "capture"));
        _app.MapPost("/v1/refunds", context => HandleAsync(context, null, "refund"));
        _app.MapGet("/v1/refunds", context => HandleAsync(context, null, "list-refunds"));
        _app.StartAsync().GetAwaiter().GetResult();
        ApiBase = _app.Urls.Single();
    }

    public string ApiBase { get; }

    /// <summary>What the stand-in refused as malformed (a test asserts it stays empty).</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    public sealed record Intent(string Id, long Amount, string Currency, string Status, string CaptureMethod, string? PaymentMethod, IReadOnlyDictionary<string, string> Metadata)
    {
        /// <summary>Requested at creation (<c>request_multicapture=if_available</c>).</summary>
        public bool Multicapture { get; init; }

        /// <summary>What the charge reports: requested, and the card allows it (not <c>pm_card_visa_single_capture</c>).</summary>
        public bool MulticaptureAvailable => Multicapture && PaymentMethod != "pm_card_visa_single_capture" && Status != "requires_payment_method";

        public long AmountCapturable { get; init; }

        public long AmountReceived { get; init; }

        /// <summary>Every capture in the order made: amount, <c>metadata[order_id]</c>, whether it was the final one.</summary>
        public IReadOnlyList<Capture> Captures { get; init; } = [];
    }

    public sealed record Capture(long Amount, string? OrderId, bool Final);

    public sealed record Refund(string Id, string IntentId, long Amount, string? OrderId);

    /// <summary>The refunds of an intent, in the order they were made.</summary>
    public IReadOnlyList<Refund> RefundsOf(string intentId) => _refunds.Where(r => r.IntentId == intentId).ToList();

    public Intent Get(string id) => _intents[id];

    public IEnumerable<Intent> ForCheckout(string checkoutId) => _intents.Values.Where(i => i.Metadata.GetValueOrDefault("checkout_id") == checkoutId);

    /// <summary>What Stripe.js does in the buyer's browser with the client secret: confirm with a payment method.</summary>
    public Intent ConfirmAsClient(string id, string paymentMethod) =>
        _intents.AddOrUpdate(id, _ => throw new KeyNotFoundException(id), (_, intent) => Held(intent with { PaymentMethod = paymentMethod, Status = Outcome(paymentMethod) }));

    private static Intent Held(Intent intent) => intent.Status == "requires_capture" ? intent with { AmountCapturable = intent.Amount } : intent;

    private async Task HandleAsync(HttpContext context, string? id, string operation)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer sk_test_", StringComparison.Ordinal) || authorization != $"Bearer {SecretKey}")
        {
            await ErrorAsync(context, 401, "invalid_request_error", "api_key_invalid", "Invalid API key.");
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        var parameters = form?.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal) ?? [];
        string? key = null;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            key = context.Request.Headers["Idempotency-Key"].ToString();
            if (key.Length == 0)
            {
                _problems.Enqueue($"{operation} without an Idempotency-Key");
                await ErrorAsync(context, 400, "invalid_request_error", "idempotency_key_missing", "An Idempotency-Key is required.");
                return;
            }

            var fingerprint = $"{context.Request.Path}?{string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";
            if (_idempotency.TryGetValue(key, out var earlier))
            {
                if (earlier.Fingerprint != fingerprint)
                {
                    _problems.Enqueue($"idempotency key {key} reused with other parameters");
                    await ErrorAsync(context, 400, "idempotency_error", "idempotency_key_in_use", "Keys for idempotent requests can only be used with the same parameters they were first used with.");
                    return;
                }

                context.Response.StatusCode = earlier.Status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(earlier.Body);
                return;
            }

            (int, string) applied;
            lock (_gate)
                applied = Apply(id, operation, parameters);
            var (status, body) = applied;
            _idempotency[key] = (fingerprint, status, body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
            return;
        }

        if (operation == "list-refunds")
        {
            var intentId = context.Request.Query["payment_intent"].ToString();
            var list = JsonSerializer.Serialize(new { @object = "list", url = "/v1/refunds", has_more = false, data = _refunds.Where(r => r.IntentId == intentId).Select(RefundJson).ToList() });
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(list);
            return;
        }

        var expandCharge = context.Request.Query.Any(q => q.Key.StartsWith("expand", StringComparison.Ordinal) && q.Value.Contains("latest_charge"));
        var (getStatus, getBody) = id is not null && _intents.TryGetValue(id, out var found) ? (200, Json(found, expandCharge)) : Error(404, "invalid_request_error", "resource_missing", "No such payment_intent.");
        context.Response.StatusCode = getStatus;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(getBody);
    }

    private (int Status, string Body) Apply(string? id, string operation, Dictionary<string, string> parameters)
    {
        if (operation == "create")
        {
            if (!long.TryParse(parameters.GetValueOrDefault("amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
                return Problem("amount is not a positive integer of minor units");
            var currency = parameters.GetValueOrDefault("currency") ?? "";
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterLower))
                return Problem("currency is not a lower-case ISO code");
            if (parameters.GetValueOrDefault("capture_method") != "manual")
                return Problem("capture_method is not manual");
            if (parameters.GetValueOrDefault("payment_method") == "pm_standin_unavailable")
                return Error(500, "api_error", "api_error", "The stand-in is having a bad day.");
            var metadata = parameters.Where(p => p.Key.StartsWith("metadata[", StringComparison.Ordinal)).ToDictionary(p => p.Key["metadata[".Length..^1], p => p.Value);
            var paymentMethod = parameters.GetValueOrDefault("payment_method");
            var intent = new Intent($"pi_{Guid.NewGuid():N}"[..27], amount, currency, paymentMethod is null ? "requires_payment_method" : "requires_confirmation", "manual", paymentMethod, metadata)
            {
                Multicapture = parameters.GetValueOrDefault("payment_method_options[card][request_multicapture]") == "if_available",
            };
            _intents[intent.Id] = intent;
            return (200, Json(intent));
        }

        if (operation == "refund")
            return CreateRefund(parameters);

        if (id is null || !_intents.TryGetValue(id, out var current))
            return Error(404, "invalid_request_error", "resource_missing", "No such payment_intent.");
        switch (operation)
        {
            case "update" when current.Status is "requires_payment_method" or "requires_confirmation":
                if (!long.TryParse(parameters.GetValueOrDefault("amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var newAmount) || newAmount <= 0)
                    return Problem("amount is not a positive integer of minor units");
                current = _intents[id] = current with { Amount = newAmount };
                return (200, Json(current));
            case "confirm" when current.Status == "requires_confirmation":
                var method = parameters.GetValueOrDefault("payment_method") ?? current.PaymentMethod ?? "";
                var outcome = Outcome(method);
                if (outcome == "declined")
                    return Error(402, "card_error", "card_declined", "Your card was declined.");
                current = _intents[id] = Held(current with { Status = outcome, PaymentMethod = method });
                return (200, Json(current));
            case "cancel" when current.Status is not ("canceled" or "succeeded"):
                // What is still held is let go; what was captured stays captured.
                current = _intents[id] = current with { Status = "canceled", AmountCapturable = 0 };
                return (200, Json(current));
            case "capture" when current.Status == "requires_capture":
                return CaptureIntent(current, parameters);
            default:
                return Error(400, "invalid_request_error", "payment_intent_unexpected_state", $"This PaymentIntent's status is {current.Status}; it cannot be {operation}ed.");
        }
    }

    private (int, string) CaptureIntent(Intent current, Dictionary<string, string> parameters)
    {
        var amount = current.AmountCapturable;
        if (parameters.TryGetValue("amount_to_capture", out var text)
            && (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out amount) || amount <= 0))
            return Problem("amount_to_capture is not a positive integer of minor units");
        if (amount > current.AmountCapturable)
            return Problem($"amount_to_capture {amount} is more than the {current.AmountCapturable} still capturable");
        var final = parameters.GetValueOrDefault("final_capture") is null or "true";
        if (!final && !current.MulticaptureAvailable)
            return Error(400, "invalid_request_error", "payment_intent_multicapture_unavailable", "final_capture=false needs multicapture (request_multicapture at creation).");
        if (current.Captures.Count >= 50)
            return Problem("more than 50 captures of one PaymentIntent");
        var capturable = final ? 0 : current.AmountCapturable - amount;
        current = _intents[current.Id] = current with
        {
            AmountReceived = current.AmountReceived + amount,
            AmountCapturable = capturable,
            Status = capturable == 0 ? "succeeded" : "requires_capture",
            Captures = [.. current.Captures, new Capture(amount, parameters.GetValueOrDefault("metadata[order_id]"), final)],
        };
        return (200, Json(current));
    }

    private (int, string) CreateRefund(Dictionary<string, string> parameters)
    {
        var intentId = parameters.GetValueOrDefault("payment_intent") ?? "";
        if (!_intents.TryGetValue(intentId, out var intent))
            return Error(404, "invalid_request_error", "resource_missing", "No such payment_intent.");
        if (!long.TryParse(parameters.GetValueOrDefault("amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return Problem("refund amount is not a positive integer of minor units");
        var refunded = _refunds.Where(r => r.IntentId == intentId).Sum(r => r.Amount);
        if (refunded + amount > intent.AmountReceived)
            return Problem($"refund of {amount} is more than the {intent.AmountReceived - refunded} captured and not yet refunded");
        var refund = new Refund($"re_{Guid.NewGuid():N}"[..27], intentId, amount, parameters.GetValueOrDefault("metadata[order_id]"));
        _refunds.Enqueue(refund);
        return (200, RefundJson(refund) is var json ? JsonSerializer.Serialize(json) : "");
    }

    private static Dictionary<string, object?> RefundJson(Refund refund) => new()
    {
        ["id"] = refund.Id,
        ["object"] = "refund",
        ["amount"] = refund.Amount,
        ["payment_intent"] = refund.IntentId,
        ["status"] = "succeeded",
        ["metadata"] = refund.OrderId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["order_id"] = refund.OrderId },
    };

    private static string Outcome(string paymentMethod) => paymentMethod switch
    {
        "pm_card_visa" or "pm_card_visa_single_capture" => "requires_capture",
        "pm_card_authenticationRequired" => "requires_action",
        "pm_card_chargeDeclined" => "declined",
        _ => "requires_payment_method",
    };

    private (int, string) Problem(string problem)
    {
        _problems.Enqueue(problem);
        return Error(400, "invalid_request_error", "parameter_invalid", problem);
    }

    private static (int, string) Error(int status, string type, string code, string message) =>
        (status, JsonSerializer.Serialize(new { error = new { type, code, message } }));

    private static Task ErrorAsync(HttpContext context, int status, string type, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Error(status, type, code, message).Item2);
    }

    private static string Json(Intent intent, bool expandCharge = false) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["latest_charge"] = intent.Status is "requires_payment_method" or "requires_confirmation" or "requires_action" ? null
            : !expandCharge ? $"ch_{intent.Id[3..]}"
            : new Dictionary<string, object?>
            {
                ["id"] = $"ch_{intent.Id[3..]}",
                ["object"] = "charge",
                ["payment_method_details"] = new Dictionary<string, object?>
                {
                    ["type"] = "card",
                    ["card"] = new Dictionary<string, object?> { ["multicapture"] = new { status = intent.MulticaptureAvailable ? "available" : "unavailable" } },
                },
            },
        ["id"] = intent.Id,
        ["object"] = "payment_intent",
        ["amount"] = intent.Amount,
        ["currency"] = intent.Currency,
        ["status"] = intent.Status,
        ["amount_capturable"] = intent.AmountCapturable,
        ["amount_received"] = intent.AmountReceived,
        ["capture_method"] = intent.CaptureMethod,
        ["client_secret"] = $"{intent.Id}_secret_standin",
        ["payment_method"] = intent.PaymentMethod,
        ["metadata"] = intent.Metadata,
        ["livemode"] = false,
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
