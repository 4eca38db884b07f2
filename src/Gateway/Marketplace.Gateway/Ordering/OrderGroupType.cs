using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderGroup</c>: the orders one checkout placed, one per store.</summary>
internal sealed class OrderGroupType : ObjectGraphType<OrderGroup>
{
    public OrderGroupType()
    {
        Name = OrderingArea.OrderGroupTypeName;
        Description = "The orders one checkout placed, one per store; their totals add up to the group's total.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is OrderGroup;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id; node(id:) answers it to its buyer and administrators.").Resolve(c => GlobalId.Encode(OrderingArea.OrderGroupTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("number").Description("Human-readable, e.g. MP-10423 (its orders are MP-10423-1, MP-10423-2, ...).").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<IdGraphType>>("checkoutId").Description("The Checkout that placed it.").Resolve(c => GlobalId.Encode(OrderingArea.CheckoutTypeName, c.Source.CheckoutId));
        Field<NonNullGraphType<MoneyType>>("total").Description("The sum of its orders' totals.").Resolve(c => CatalogValues.Money(c.Source.Total));
        Field<NonNullGraphType<PaymentMethodType>>("paymentMethod").Description("How the buyer pays.").Resolve(c => c.Source.PaymentMethod);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>>("orders").Description("Its orders, by number.").Resolve(c => c.Source.Orders.ToList());
        Field<NonNullGraphType<UtcDateTimeGraphType>>("placedAt").Description("When it was placed.").Resolve(c => Timestamps.Parse(c.Source.PlacedAt));
    }
}
