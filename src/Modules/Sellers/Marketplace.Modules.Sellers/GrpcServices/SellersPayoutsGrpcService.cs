using Grpc.Core;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Sellers.Payouts;
using Marketplace.Modules.Sellers.Payouts.AdjustLedger;
using Marketplace.Modules.Sellers.Payouts.GetPayoutBalance;
using Marketplace.Modules.Sellers.Payouts.ListLedgerEntries;
using Marketplace.Modules.Sellers.Payouts.ListPayouts;
using Marketplace.Modules.Sellers.Payouts.MarkPayoutFailed;
using Marketplace.Modules.Sellers.Payouts.MarkPayoutPaid;
using Marketplace.Modules.Sellers.Payouts.RunPayouts;
using Marketplace.Modules.Sellers.Payouts.SetSellerPayoutAccount;
using Marketplace.Modules.Sellers.Payouts.SetStoreCommissionRate;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Sellers.GrpcServices;

/// <summary>
/// The <c>SellersPayouts</c> contract (docs/payouts.md): a seller reads only their own balance, entries and payouts (the
/// seller's id is the caller's, never a parameter); everything that moves money or changes how it is computed is an
/// administrator's (the payout run also a module's: the scheduled job).
/// </summary>
internal sealed class SellersPayoutsGrpcService(ISender mediator) : SellersPayouts.SellersPayoutsBase
{
    public override async Task<GetPayoutBalanceResponse> GetPayoutBalance(GetPayoutBalanceRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        var balances = await mediator.Send(new GetPayoutBalanceQuery(sellerId), context.CancellationToken);
        return new GetPayoutBalanceResponse { Balances = { balances.Select(b => b.ToContract()) } };
    }

    public override async Task<ListLedgerEntriesResponse> ListLedgerEntries(ListLedgerEntriesRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        var page = await mediator.Send(new ListLedgerEntriesQuery(sellerId, request.Page?.First ?? 0, request.Page?.After ?? ""), context.CancellationToken);
        return new ListLedgerEntriesResponse { Entries = { page.Items.Select(e => e.ToContract()) }, PageInfo = new() { HasNextPage = page.HasNextPage } };
    }

    public override async Task<ListPayoutsResponse> ListPayouts(ListPayoutsRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        var page = await mediator.Send(new ListPayoutsQuery(sellerId, request.Page?.First ?? 0, request.Page?.After ?? ""), context.CancellationToken);
        return new ListPayoutsResponse { Payouts = { page.Items.Select(p => p.ToContract()) }, PageInfo = new() { HasNextPage = page.HasNextPage } };
    }

    public override async Task<ListPayoutsResponse> ListAllPayouts(ListAllPayoutsRequest request, ServerCallContext context)
    {
        CallerRequirements.Admin();
        var query = new ListPayoutsQuery(null, request.Page?.First ?? 0, request.Page?.After ?? "", request.Status.Trim(), request.CurrencyCode.Trim());
        var page = await mediator.Send(query, context.CancellationToken);
        return new ListPayoutsResponse { Payouts = { page.Items.Select(p => p.ToContract()) }, PageInfo = new() { HasNextPage = page.HasNextPage } };
    }

    public override async Task<PayoutRun> StartPayoutRun(StartPayoutRunRequest request, ServerCallContext context)
    {
        var caller = CallerRequirements.AdminOrService();
        Guid? actorId = caller.Kind == CallerKind.User && Guid.TryParse(caller.Id, out var id) ? id : null;
        return (await mediator.Send(new RunPayoutsCommand(actorId, request.CurrencyCode.Trim()), context.CancellationToken)).ToContract();
    }

    public override async Task<Payout> MarkPayoutPaid(MarkPayoutPaidRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        return (await mediator.Send(new MarkPayoutPaidCommand(adminId, PayoutSettlement.ParseId(request.PayoutId), request.Reference.Trim()), context.CancellationToken)).ToContract();
    }

    public override async Task<Payout> MarkPayoutFailed(MarkPayoutFailedRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        return (await mediator.Send(new MarkPayoutFailedCommand(adminId, PayoutSettlement.ParseId(request.PayoutId), request.Reason.Trim()), context.CancellationToken)).ToContract();
    }

    public override async Task<LedgerEntry> AdjustLedger(AdjustLedgerRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        var command = new AdjustLedgerCommand(
            adminId,
            Guid.TryParse(request.SellerId, out var sellerId) ? sellerId : null,
            request.Amount?.CurrencyCode.Trim() ?? "",
            request.Amount?.Amount.Trim() ?? "",
            request.Reason.Trim(),
            request.IdempotencyKey.Trim());
        return (await mediator.Send(command, context.CancellationToken)).ToContract();
    }

    public override async Task<StoreCommissionRate> SetStoreCommissionRate(SetStoreCommissionRateRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        var command = new SetStoreCommissionRateCommand(adminId, StoreRows.ParseId(request.StoreId), request.HasRate ? request.Rate.Trim() : null);
        return (await mediator.Send(command, context.CancellationToken)).ToContract();
    }

    public override async Task<SellerPayoutAccount> SetSellerPayoutAccount(SetSellerPayoutAccountRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        var command = new SetSellerPayoutAccountCommand(adminId, Guid.TryParse(request.SellerId, out var sellerId) ? sellerId : null, request.StripeAccountId.Trim());
        return (await mediator.Send(command, context.CancellationToken)).ToContract();
    }
}
