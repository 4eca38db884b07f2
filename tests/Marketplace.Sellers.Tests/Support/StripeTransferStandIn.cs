using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.Sellers.Tests.Support;

/// <summary>
/// A local stand-in for Stripe Connect's Transfers API (Stripe itself is unreachable here): the host's real Stripe.net
/// client talks to it over HTTP. It checks what it receives — the test secret key (<c>Authorization: Bearer sk_test_…</c>),
/// an <c>Idempotency-Key</c> equal to the payout id in <c>metadata[payout_id]</c> (the same key with other parameters is
/// refused, as Stripe does), the amount as a positive integer of minor units, a three-letter lower-case currency, and a
/// destination that is a connected account it knows — and keeps every transfer. Accounts: those given to
/// <see cref="OpenAccount"/>; <c>acct_standinDown</c> answers 500 (Stripe unreachable for that call) until
/// <see cref="Recover"/>; any other destination is refused with 400 (no such account).
/// </summary>
public sealed class StripeTransferStandIn : IAsyncDisposable
{
    public const string SecretKey = "sk_test_marketplace_transfers";
    public const string DownAccount = "acct_standinDown";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Transfer> _transfers = new();
    private readonly ConcurrentDictionary<string, (string Fingerprint, int Status, string Body)> _idempotency = new();
    private readonly ConcurrentDictionary<string, bool> _accounts = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private volatile bool _downRecovered;
    private int _calls;

    public StripeTransferStandIn()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{HostProcess.FreePort()}");
        _app = builder.Build();
        _app.MapPost("/v1/transfers", HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        ApiBase = _app.Urls.Single();
    }

    public string ApiBase { get; }

    /// <summary>What the stand-in refused as malformed (tests assert it stays empty).</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>POSTs received, replays included.</summary>
    public int Calls => _calls;

    public sealed record Transfer(string Id, long Amount, string Currency, string Destination, string IdempotencyKey, IReadOnlyDictionary<string, string> Metadata);

    public IReadOnlyList<Transfer> ForPayout(string payoutId) => _transfers.Values.Where(t => t.Metadata.GetValueOrDefault("payout_id") == payoutId).ToList();

    public IReadOnlyList<Transfer> ToAccount(string account) => _transfers.Values.Where(t => t.Destination == account).ToList();

    /// <summary>A new connected account transfers to it succeed.</summary>
    public string OpenAccount()
    {
        var id = $"acct_{Guid.NewGuid():N}"[..21];
        _accounts[id] = true;
        return id;
    }

    /// <summary><see cref="DownAccount"/> works from now on (as if Stripe came back).</summary>
    public void Recover() => _downRecovered = true;

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _calls);
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
        {
            await WriteAsync(context, Error(401, "invalid_request_error", "api_key_invalid", "Invalid API key."));
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        var parameters = form?.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal) ?? [];
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0 || key != parameters.GetValueOrDefault("metadata[payout_id]"))
        {
            _problems.Enqueue($"transfer with Idempotency-Key '{key}' for payout '{parameters.GetValueOrDefault("metadata[payout_id]")}'");
            await WriteAsync(context, Error(400, "invalid_request_error", "idempotency_key_missing", "The Idempotency-Key must be the payout id."));
            return;
        }

        var fingerprint = string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        if (_idempotency.TryGetValue(key, out var earlier))
        {
            if (earlier.Fingerprint != fingerprint)
            {
                _problems.Enqueue($"idempotency key {key} reused with other parameters");
                await WriteAsync(context, Error(400, "idempotency_error", "idempotency_key_in_use", "Keys for idempotent requests can only be used with the same parameters they were first used with."));
                return;
            }

            await WriteAsync(context, (earlier.Status, earlier.Body));
            return;
        }

        var answer = Apply(key, parameters);
        // Stripe does not keep an idempotent answer of a server error: a retry runs again.
        if (answer.Status < 500)
            _idempotency[key] = (fingerprint, answer.Status, answer.Body);
        await WriteAsync(context, answer);
    }

    private (int Status, string Body) Apply(string key, Dictionary<string, string> parameters)
    {
        if (!long.TryParse(parameters.GetValueOrDefault("amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return Problem("amount is not a positive integer of minor units");
        var currency = parameters.GetValueOrDefault("currency") ?? "";
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterLower))
            return Problem("currency is not a lower-case ISO code");
        var destination = parameters.GetValueOrDefault("destination") ?? "";
        if (!destination.StartsWith("acct_", StringComparison.Ordinal))
            return Problem("destination is not a connected account");
        if (destination == DownAccount && !_downRecovered)
            return Error(500, "api_error", "api_error", "The stand-in is having a bad day.");
        if (destination != DownAccount && !_accounts.ContainsKey(destination))
            return Error(400, "invalid_request_error", "resource_missing", $"No such destination: '{destination}'");
        var metadata = parameters.Where(p => p.Key.StartsWith("metadata[", StringComparison.Ordinal)).ToDictionary(p => p.Key["metadata[".Length..^1], p => p.Value);
        var transfer = new Transfer($"tr_{Guid.NewGuid():N}"[..27], amount, currency, destination, key, metadata);
        _transfers[transfer.Id] = transfer;
        return (200, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = transfer.Id,
            ["object"] = "transfer",
            ["amount"] = amount,
            ["currency"] = currency,
            ["destination"] = destination,
            ["metadata"] = metadata,
            ["transfer_group"] = parameters.GetValueOrDefault("transfer_group"),
            ["reversed"] = false,
            ["livemode"] = false,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        }));
    }

    private (int, string) Problem(string problem)
    {
        _problems.Enqueue(problem);
        return Error(400, "invalid_request_error", "parameter_invalid", problem);
    }

    private static (int, string) Error(int status, string type, string code, string message) =>
        (status, JsonSerializer.Serialize(new { error = new { type, code, message } }));

    private static Task WriteAsync(HttpContext context, (int Status, string Body) answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(answer.Body);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
