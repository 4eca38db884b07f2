using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Sellers;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>Order</c>: one store's part of a checkout, told from its frozen snapshot.</summary>
internal sealed class OrderType : ObjectGraphType<Order>
{
    public OrderType()
    {
        Name = OrderingArea.OrderTypeName;
        Description = "One store's part of a checkout. Its lines, store, address and amounts are a snapshot taken when it was placed and never change; its status moves on.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Order;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id; node(id:) answers it to its buyer, the store's seller and administrators.").Resolve(c => GlobalId.Encode(OrderingArea.OrderTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("number").Description("Human-readable, e.g. MP-10423-1 (the group's number and the order's place in it).").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<IdGraphType>>("orderGroupId").Description("The OrderGroup of the checkout that placed it.").Resolve(c => GlobalId.Encode(OrderingArea.OrderGroupTypeName, c.Source.GroupId));
        Field<NonNullGraphType<IdGraphType>>("storeId").Description("The Store's global id.").Resolve(c => GlobalId.Encode(SellersArea.StoreTypeName, c.Source.StoreId));
        Field<NonNullGraphType<OrderStatusType>>("status").Description("Where the order is.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<OrderPaymentStatusType>>("paymentStatus").Description("Where its payment is (its own field: CARD AUTHORIZED → PAID at acceptance; in person PENDING → PAID at delivery or pickup; VOIDED or REFUNDED when the order ends).").Resolve(c => c.Source.PaymentStatus);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderStatusChangeType>>>>("statusHistory")
            .Description("Every step of its lifecycle, oldest first (placing it is the first). Batched: a page of orders costs one call.")
            .Resolve(c => OrderingLoaders.History(c, c.Source.Id).Then(h => (IReadOnlyList<OrderStatusChange>?)h?.Changes.ToList() ?? []));
        Field<NonNullGraphType<PaymentMethodType>>("paymentMethod").Description("How the buyer pays.").Resolve(c => c.Source.PaymentMethod);
        Field<NonNullGraphType<FulfilmentType>>("fulfilment").Description("Delivery or pickup.").Resolve(c => c.Source.Fulfilment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineType>>>>("lines").Description("The lines as placed.").Resolve(c => c.Source.Lines.ToList());
        Field<NonNullGraphType<OrderStoreType>>("store").Description("The store as it was.").Resolve(c => c.Source.Store);
        Field<OrderAddressType>("deliveryAddress").Description("The delivery address as it was; null for pickup.").Resolve(c => c.Source.DeliveryAddress);
        Field<NonNullGraphType<IntGraphType>>("itemCount").Description("Units in all.").Resolve(c => c.Source.ItemCount);
        Field<NonNullGraphType<MoneyType>>("subtotal").Description("The lines' total.").Resolve(c => CatalogValues.Money(c.Source.Subtotal));
        Field<NonNullGraphType<MoneyType>>("total").Description("What the buyer pays for this order.").Resolve(c => CatalogValues.Money(c.Source.Total));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("placedAt").Description("When it was placed.").Resolve(c => Timestamps.Parse(c.Source.PlacedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Description("When its status last changed.").Resolve(c => Timestamps.Parse(c.Source.UpdatedAt));
    }
}
