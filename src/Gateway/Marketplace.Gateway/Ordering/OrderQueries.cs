using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>order(id:)</c>: its buyer, the seller of its store and administrators; null for anyone else (nothing revealed).</summary>
internal sealed class OrderQueries : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query) =>
        query.Field<OrderType>("order")
            .Description("An order by id: for its buyer, the seller of its store and administrators; null for anyone else.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The order's global id.")
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var id = c.GetIdArgument("id", OrderingArea.OrderTypeName)!;
                return await ContractCalls.OrNullAsync(async () => await OrderingArea.Orders(c).GetOrderAsync(new GetOrderRequest { Id = id }, cancellationToken: c.CancellationToken));
            });
}
