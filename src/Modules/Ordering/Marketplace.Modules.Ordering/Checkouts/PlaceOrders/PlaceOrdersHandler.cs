using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Orders;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Checkouts.PlaceOrders;

/// <summary>
/// Under the checkout's lock (it must still be this completion's COMPLETING: the recovery job may have failed it), writes
/// everything from the checkout's priced document, in one SaveChanges (EF batches the inserts into one round trip).
/// Order n of group MP-10423 is MP-10423-n, stores in the order they first appear in the cart.
/// </summary>
internal sealed class PlaceOrdersHandler(OrderingDbContext db, TimeProvider clock) : ICommandHandler<PlaceOrdersCommand, OrderGroupView>
{
    private const int SnapshotVersion = 1;

    public async ValueTask<OrderGroupView> Handle(PlaceOrdersCommand command, CancellationToken cancellationToken)
    {
        // The scoped DbContext served the earlier steps of this completion: read the rows afresh, not as it last saw them.
        db.ChangeTracker.Clear();
        var now = Timestamps.Truncate(clock.GetUtcNow());
        // The cart first, then the checkout: the module's one lock order (BeginCompletion and OpenCheckout lock the same
        // two rows in that order; the other order deadlocked against a concurrent completion of the same checkout).
        // Checking the cart out is the cart's lock; a refusal below rolls it back.
        await db.ExecuteAsync(
            """
            UPDATE ordering.carts SET status = 'CHECKED_OUT', checked_out_at = $2, updated_at = $2
            WHERE id = (SELECT cart_id FROM ordering.checkouts WHERE id = $1) AND status = 'OPEN'
            """,
            p =>
            {
                p.Add(new() { Value = command.CheckoutId });
                p.Add(new() { Value = now });
            },
            cancellationToken);
        var checkout = await db.Checkouts.FromSql($"SELECT * FROM ordering.checkouts WHERE id = {command.CheckoutId} FOR UPDATE").SingleAsync(cancellationToken);
        if (checkout.Status != CheckoutStatus.Completing)
            throw ContractError.FailedPrecondition(OrderingErrorCodes.CheckoutClosed, "This checkout was undone while it was completing: nothing was charged. Create a new one.");

        var document = Json.Read<CheckoutDocument>(checkout.Document);
        var orderIds = Json.Read<Dictionary<Guid, Guid>>(checkout.OrderIds!);
        var address = checkout.DeliveryAddress is null ? null : Json.Read<AddressDoc>(checkout.DeliveryAddress);
        var groupNumber = checkout.OrderGroupNumber!.Value;
        var group = new OrderGroup
        {
            Id = checkout.OrderGroupId!.Value,
            Number = groupNumber,
            BuyerId = checkout.BuyerId,
            CheckoutId = checkout.Id,
            CurrencyCode = checkout.CurrencyCode,
            Total = document.Lines.Sum(l => l.LineTotal),
            OrderCount = document.Stores.Count,
            PaymentMethod = checkout.PaymentMethod,
            PaymentIntentId = checkout.PaymentIntentId,
            CreatedAt = now,
        };
        db.OrderGroups.Add(group);

        var orders = new List<Order>();
        foreach (var (store, position) in document.Stores.Select((s, i) => (s, i + 1)))
        {
            var lines = document.Lines.Where(l => l.StoreId == store.Store.Id).ToList();
            var subtotal = lines.Sum(l => l.LineTotal);
            var order = new Order
            {
                Id = orderIds[store.Store.Id],
                GroupId = group.Id,
                Number = OrderGroup.OrderNumber(groupNumber, position),
                BuyerId = checkout.BuyerId,
                StoreId = store.Store.Id,
                SellerId = store.Store.SellerId,
                Status = OrderStatus.Placed,
                PaymentStatus = command.OrderPaymentStatus,
                PaymentMethod = checkout.PaymentMethod,
                Fulfilment = checkout.Fulfilment,
                CurrencyCode = checkout.CurrencyCode,
                Subtotal = subtotal,
                Total = subtotal,
                ItemCount = lines.Sum(l => l.Quantity),
                LineCount = lines.Count,
                CreatedAt = now,
                UpdatedAt = now,
            };
            order.Snapshot = Json.Write(new OrderSnapshot(
                SnapshotVersion, order.Id, order.Number, group.Id, OrderGroup.Format(groupNumber), now, order.BuyerId, store.Store, order.Fulfilment, address,
                new PaymentDoc(order.PaymentMethod, order.PaymentStatus, checkout.PaymentIntentId), order.CurrencyCode, lines,
                new TotalsDoc(subtotal, subtotal, order.ItemCount)));
            orders.Add(order);
            db.Orders.Add(order);
            db.OrderStatusChanges.Add(new OrderStatusChange
            {
                OrderId = order.Id, FromStatus = null, ToStatus = OrderStatus.Placed, ActorKind = "BUYER", ActorId = order.BuyerId.ToString(), OccurredAt = now,
            });
            db.AddEvent(new OrderPlaced(
                order.Id, group.Id, order.Number, order.BuyerId, order.StoreId, order.SellerId, store.Store.Name, store.Store.ContactEmail,
                order.PaymentMethod, order.Fulfilment, order.CurrencyCode, Currencies.Format(order.Total, order.CurrencyCode), order.ItemCount, now));
        }

        checkout.Status = CheckoutStatus.Completed;
        checkout.UpdatedAt = now;
        return new OrderGroupView(group, orders);
    }
}
