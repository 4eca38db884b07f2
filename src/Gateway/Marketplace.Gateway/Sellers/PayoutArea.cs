using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Sellers;

/// <summary>
/// The sellers' payouts (docs/payouts.md): <c>viewer.payoutBalance</c>, <c>viewer.ledgerEntries</c>, the administrators' <c>payouts</c>,
/// <c>viewer.payouts</c> for sellers and the administrators' mutations, through the <c>SellersPayouts</c> contract, which
/// authorizes every call again.
/// </summary>
internal sealed class PayoutArea : IGatewayArea
{
    public const string PayoutTypeName = "Payout";
    public const string LedgerEntryTypeName = "LedgerEntry";
    public const string OrderTypeName = "Order";

    public void Register(IServiceCollection services)
    {
        services.AddContractClient<SellersPayouts.SellersPayoutsClient>("Sellers");
        services.AddSchemaContribution<PayoutQueries>();
        services.AddSchemaContribution<PayoutMutations>();
        services.AddSingleton<IViewerExtension, PayoutViewerFields>();
        services.AddTransient<ConnectionType<LedgerEntryType, LedgerEntry>>();
        services.AddTransient<EdgeType<LedgerEntryType, LedgerEntry>>();
        services.AddTransient<ConnectionType<PayoutType, Payout>>();
        services.AddTransient<EdgeType<PayoutType, Payout>>();
        services.AddTransient(typeof(PayoutPayloadType<,,>));
    }

    public static SellersPayouts.SellersPayoutsClient Payouts(GraphQL.IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<SellersPayouts.SellersPayoutsClient>();
}
