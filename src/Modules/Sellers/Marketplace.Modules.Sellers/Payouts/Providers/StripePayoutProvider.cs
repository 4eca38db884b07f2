using System.Net;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Payments;
using Microsoft.Extensions.Logging;
using Stripe;
using Payout = Marketplace.Modules.Sellers.Domain.Payout;

namespace Marketplace.Modules.Sellers.Payouts.Providers;

/// <summary>
/// Stripe Connect: a transfer from the platform's balance to the seller's connected account (<c>destination</c>, set by an
/// administrator with <c>sellerPayoutAccountSet</c>), through Stripe.net's <see cref="TransferService"/>. The idempotency
/// key is the payout's id, so a retried submission never transfers twice (within Stripe's 24-hour key lifetime; see
/// docs/payouts.md). A transfer Stripe creates is PAID (the money is in the connected account's balance); a refusal
/// (4xx: no such account, insufficient platform balance) is FAILED; an unreachable Stripe (5xx, timeouts) leaves the payout
/// PENDING for the next run. The API base is a setting: tests point it at a local stand-in.
/// </summary>
internal sealed class StripePayoutProvider : IPayoutProvider
{
    private readonly TransferService? _transfers;
    private readonly ILogger<StripePayoutProvider> _logger;

    public StripePayoutProvider(PayoutsOptions options, ILogger<StripePayoutProvider> logger)
    {
        _logger = logger;
        var settings = options.Stripe;
        if (settings.SecretKey.Length == 0)
            return;
        var http = new SystemNetHttpClient(new HttpClient { Timeout = settings.Timeout }, maxNetworkRetries: 2);
        _transfers = new TransferService(new StripeClient(settings.SecretKey, httpClient: http, apiBase: settings.ApiBase.TrimEnd('/')));
    }

    public string Name => PayoutProvider.Stripe;

    /// <summary>Whether a secret key is configured: without one, payouts are created manual.</summary>
    public bool Enabled => _transfers is not null;

    public async Task<PayoutOutcome> SubmitAsync(Payout payout, CancellationToken cancellationToken)
    {
        if (_transfers is null)
            return PayoutOutcome.Pending;
        var options = new TransferCreateOptions
        {
            Amount = payout.Amount,
            Currency = payout.CurrencyCode.ToLowerInvariant(),
            Destination = payout.Destination,
            TransferGroup = $"payout_{payout.Id:N}",
            Description = $"Marketplace payout {CurrencyUnits.Format(payout.Amount, payout.CurrencyCode)} {payout.CurrencyCode}",
            Metadata = new Dictionary<string, string> { ["payout_id"] = payout.Id.ToString(), ["seller_id"] = payout.SellerId.ToString() },
        };
        try
        {
            var transfer = await _transfers.CreateAsync(options, new RequestOptions { IdempotencyKey = payout.Id.ToString() }, cancellationToken);
            return new PayoutOutcome(PayoutOutcomeKind.Paid, transfer.Id);
        }
        catch (StripeException e) when (e.HttpStatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError
            and not HttpStatusCode.TooManyRequests and not HttpStatusCode.Conflict and not HttpStatusCode.Unauthorized)
        {
            _logger.LogWarning("Payout {PayoutId}: Stripe refused the transfer ({Code})", payout.Id, e.StripeError?.Code);
            var why = $"Stripe refused the transfer: {e.StripeError?.Code ?? "error"}";
            return new PayoutOutcome(PayoutOutcomeKind.Failed, why.Length > PayoutRules.MaxReasonLength ? why[..PayoutRules.MaxReasonLength] : why);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Unreachable or failing on its side (or our key is wrong): nothing is known, the next run submits again.
            _logger.LogWarning("Payout {PayoutId}: Stripe could not be reached ({Error}); it stays pending", payout.Id, e.GetType().Name);
            return PayoutOutcome.Pending;
        }
    }
}
