using GraphQL.Types;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Users;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>viewer.payoutBalance</c>, <c>viewer.ledgerEntries</c>, <c>viewer.payouts</c>: a seller's own; null for other roles.</summary>
internal sealed class PayoutViewerFields : IViewerExtension
{
    public void ConfigureViewer(ObjectGraphType<ViewerSource> viewer)
    {
        viewer.Field<ListGraphType<NonNullGraphType<PayoutBalanceType>>>("payoutBalance")
            .Description("Sellers: what the platform owes you, one balance per currency you have ledger entries in (empty before your first sale); null for other roles.")
            .ResolveAsync(async c =>
            {
                if (!c.Source.Caller.IsInRole(Roles.Seller))
                    return null;
                using var scope = CallContext.Push(c.GetCallContext() with { Caller = c.Source.Caller });
                return (await PayoutArea.Payouts(c).GetPayoutBalanceAsync(new GetPayoutBalanceRequest(), cancellationToken: c.CancellationToken)).Balances.ToList();
            });

        viewer.Field<ConnectionType<LedgerEntryType, LedgerEntry>>("ledgerEntries")
            .Description("Sellers: your payout ledger, newest entry first (null for other roles). At most 100 per page (20 by default).")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                if (!c.Source.Caller.IsInRole(Roles.Seller))
                    return null;
                using var scope = CallContext.Push(c.GetCallContext() with { Caller = c.Source.Caller });
                var page = c.GetPageRequest();
                var response = await PayoutArea.Payouts(c).ListLedgerEntriesAsync(new ListLedgerEntriesRequest { Page = page.ToContract() }, cancellationToken: c.CancellationToken);
                return Connection<LedgerEntry>.From(response.Entries, response.PageInfo.HasNextPage, page, e => e.Key);
            });

        viewer.Field<ConnectionType<PayoutType, Payout>>("payouts")
            .Description("Sellers: your payouts, newest first (null for other roles). At most 100 per page (20 by default).")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                if (!c.Source.Caller.IsInRole(Roles.Seller))
                    return null;
                using var scope = CallContext.Push(c.GetCallContext() with { Caller = c.Source.Caller });
                var page = c.GetPageRequest();
                var response = await PayoutArea.Payouts(c).ListPayoutsAsync(new ListPayoutsRequest { Page = page.ToContract() }, cancellationToken: c.CancellationToken);
                return Connection<Payout>.From(response.Payouts, response.PageInfo.HasNextPage, page, p => p.Key);
            });
    }
}
