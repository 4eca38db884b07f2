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
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    public const string SecretKey = "sk_test_marketplace_standin";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Intent> _intents = new();
    private readonly ConcurrentDictionary<string, (string Fingerprint, int Status, string Body)> _idempotency = new();
    private readonly ConcurrentQueue<string> _problems = new();

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
        _app.StartAsync().GetAwaiter().GetResult();
        ApiBase = _app.Urls.Single();
    }

    public string ApiBase { get; }

    /// <summary>What the stand-in refused as malformed (a test asserts it stays empty).</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    public sealed record Intent(string Id, long Amount, string Currency, string Status, string CaptureMethod, string? PaymentMethod, IReadOnlyDictionary<string, string> Metadata);

    public Intent Get(string id) => _intents[id];

    public IEnumerable<Intent> ForCheckout(string checkoutId) => _intents.Values.Where(i => i.Metadata.GetValueOrDefault("checkout_id") == checkoutId);

    /// <summary>What Stripe.js does in the buyer's browser with the client secret: confirm with a payment method.</summary>
    public Intent ConfirmAsClient(string id, string paymentMethod) =>
        _intents.AddOrUpdate(id, _ => throw new KeyNotFoundException(id), (_, intent) => intent with { PaymentMethod = paymentMethod, Status = Outcome(paymentMethod) });

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

            var (status, body) = Apply(id, operation, parameters);
            _idempotency[key] = (fingerprint, status, body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
            return;
        }

        var (getStatus, getBody) = id is not null && _intents.TryGetValue(id, out var found) ? (200, Json(found)) : Error(404, "invalid_request_error", "resource_missing", "No such payment_intent.");
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
            var intent = new Intent($"pi_{Guid.NewGuid():N}"[..27], amount, currency, paymentMethod is null ? "requires_payment_method" : "requires_confirmation", "manual", paymentMethod, metadata);
            _intents[intent.Id] = intent;
            return (200, Json(intent));
        }

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
                current = _intents[id] = current with { Status = outcome, PaymentMethod = method };
                return (200, Json(current));
            case "cancel" when current.Status is not ("canceled" or "succeeded"):
                current = _intents[id] = current with { Status = "canceled" };
                return (200, Json(current));
            default:
                return Error(400, "invalid_request_error", "payment_intent_unexpected_state", $"This PaymentIntent's status is {current.Status}; it cannot be {operation}ed.");
        }
    }

    private static string Outcome(string paymentMethod) => paymentMethod switch
    {
        "pm_card_visa" => "requires_capture",
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

    private static string Json(Intent intent) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = intent.Id,
        ["object"] = "payment_intent",
        ["amount"] = intent.Amount,
        ["currency"] = intent.Currency,
        ["status"] = intent.Status,
        ["capture_method"] = intent.CaptureMethod,
        ["client_secret"] = $"{intent.Id}_secret_standin",
        ["payment_method"] = intent.PaymentMethod,
        ["metadata"] = intent.Metadata,
        ["livemode"] = false,
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
