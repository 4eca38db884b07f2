using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>payouts(status, currencyCode)</c>: administrators find the payouts to settle (e.g. the PENDING manual ones).</summary>
internal sealed class PayoutQueries : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<PayoutType, Payout>>>("payouts")
            .Description("Administrators: every seller's payouts, newest first (at most 100 per page, 20 by default). Sellers read their own with viewer.payouts.")
            .Argument<PayoutStatusType>("status", "Only payouts in this status, e.g. PENDING.")
            .Argument<StringGraphType>("currencyCode", "Only payouts in this currency (ISO 4217, e.g. EUR).")
            .PageArguments()
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                var response = await PayoutArea.Payouts(c).ListAllPayoutsAsync(
                    new ListAllPayoutsRequest { Status = c.GetArgument<string?>("status") ?? "", CurrencyCode = c.GetArgument<string?>("currencyCode") ?? "", Page = page.ToContract() },
                    cancellationToken: c.CancellationToken);
                return Connection<Payout>.From(response.Payouts, response.PageInfo.HasNextPage, page, p => p.Key);
            });
}
