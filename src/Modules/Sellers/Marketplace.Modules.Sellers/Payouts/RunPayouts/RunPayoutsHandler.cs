using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Payouts.CreatePayout;
using Marketplace.Modules.Sellers.Payouts.Providers;
using Marketplace.Modules.Sellers.Payouts.RecordTransfer;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Modules.Sellers.Payouts.RunPayouts;

/// <summary>
/// 1. Find the sellers and currencies whose available balance reaches the minimum (a plain read: only a hint).
/// 2. For each, <see cref="CreatePayoutCommand"/> decides again under its lock and writes the payout with its entry.
/// 3. Hand every PENDING Stripe payout (this run's, and earlier ones Stripe could not be reached for) to the provider,
///    after those commits, and record each answer (<see cref="RecordTransferCommand"/>).
/// A run that dies between 2 and 3 leaves PENDING payouts the next run submits, with the same idempotency key.
/// </summary>
internal sealed class RunPayoutsHandler(
    ISender mediator,
    SellersDbContext db,
    PayoutsOptions options,
    StripePayoutProvider stripe,
    TimeProvider clock,
    ILogger<RunPayoutsHandler> logger) : IRequestHandler<RunPayoutsCommand, PayoutRunView>
{
    private const int MaxSubmissionsPerRun = 1000;

    public async ValueTask<PayoutRunView> Handle(RunPayoutsCommand command, CancellationToken cancellationToken)
    {
        var runId = Guid.CreateVersion7();
        var candidates = await db.QueryAsync(
            """
            SELECT seller_id, currency_code, sum(amount)::bigint FROM sellers.payout_ledger_entries
            WHERE available_at <= $1 AND ($2 = '' OR currency_code = $2)
            GROUP BY seller_id, currency_code HAVING sum(amount) > 0
            ORDER BY currency_code, seller_id
            """,
            p =>
            {
                p.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
                p.Add(new NpgsqlParameter { Value = command.CurrencyCode });
            },
            r => (SellerId: r.GetGuid(0), Currency: r.GetString(1), Available: r.GetInt64(2)),
            cancellationToken);

        var created = new List<Payout>();
        foreach (var group in candidates.Where(c => c.Available >= options.MinimumMinor(c.Currency)).GroupBy(c => c.Currency))
        {
            foreach (var candidate in group.Take(options.MaxPayoutsPerRun))
            {
                if (await mediator.Send(new CreatePayoutCommand(runId, candidate.SellerId, candidate.Currency, command.ActorId), cancellationToken) is { } payout)
                    created.Add(payout);
            }
        }

        var settled = stripe.Enabled ? await SubmitPendingAsync(cancellationToken) : [];
        if (created.Count > 0)
            logger.LogInformation("Payout run {RunId} created {Count} payouts", runId, created.Count);
        return new PayoutRunView(runId, created.Select(p => settled.GetValueOrDefault(p.Id) ?? p).ToList());
    }

    private async Task<Dictionary<Guid, Payout>> SubmitPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Payouts.AsNoTracking()
            .Where(p => p.Status == PayoutStatus.Pending && p.Provider == PayoutProvider.Stripe)
            .OrderBy(p => p.CreatedAt).Take(MaxSubmissionsPerRun).ToListAsync(cancellationToken);
        var settled = new Dictionary<Guid, Payout>();
        foreach (var payout in pending)
        {
            // Not cancelled halfway by a client going away: a transfer sent must be recorded.
            var outcome = await stripe.SubmitAsync(payout, CancellationToken.None);
            if (outcome.Kind != PayoutOutcomeKind.Pending)
                settled[payout.Id] = await mediator.Send(new RecordTransferCommand(payout.Id, outcome), CancellationToken.None);
        }

        return settled;
    }
}
