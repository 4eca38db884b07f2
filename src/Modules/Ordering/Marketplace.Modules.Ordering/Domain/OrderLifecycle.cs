namespace Marketplace.Modules.Ordering.Domain;

/// <summary>What someone asks of an order (a mutation, or a job).</summary>
internal enum OrderAction
{
    Accept,
    Reject,
    MarkReady,
    MarkOutForDelivery,
    MarkDelivered,
    Cancel,
    Expire,
    Complete,
}

/// <summary>Who moved an order: the history row's and the event's <c>ActorKind</c>.</summary>
internal static class ActorKinds
{
    public const string Buyer = "BUYER";
    public const string Seller = "SELLER";
    public const string Admin = "ADMIN";
    public const string System = "SYSTEM";
}

/// <summary>A side effect of a transition, done after its transaction commits (<see cref="OrderEffect"/>).</summary>
internal static class OrderEffectKinds
{
    /// <summary>Card: the order's share of the group's payment is captured (idempotency key per order).</summary>
    public const string Capture = "CAPTURE";

    /// <summary>Card: the order's total is refunded (idempotency key per order); waits for the order's capture.</summary>
    public const string Refund = "REFUND";

    /// <summary>
    /// Card: once no order of the group waits for the seller's decision and every capture is done, what is still held of
    /// the group's payment is let go (the whole hold when nothing was accepted).
    /// </summary>
    public const string SettlePayment = "SETTLE_PAYMENT";

    /// <summary>Inventory <c>Fulfil</c>: the allocated units left the store (allocated and on hand down).</summary>
    public const string Fulfil = "FULFIL";

    /// <summary>Inventory <c>Restock</c> UNFULFILLED: the order ended before its units left the store (allocated down).</summary>
    public const string RestockUnfulfilled = "RESTOCK_UNFULFILLED";

    /// <summary>Inventory <c>Restock</c> FULFILLED: units that were out for delivery come back (on hand up).</summary>
    public const string RestockFulfilled = "RESTOCK_FULFILLED";
}

/// <summary>A refusal: the code and the message naming both states.</summary>
internal sealed record TransitionRefusal(string Message);

/// <summary>
/// The order lifecycle (docs/ordering.md, "Lifecycle"): which actor may move an order from which status to which, what
/// its payment status becomes, and which side effects follow. Pure rules; the use cases lock, check and write.
/// </summary>
internal static class OrderLifecycle
{
    /// <summary>The status <paramref name="action"/> leads to for an order fulfilled as <paramref name="fulfilment"/>.</summary>
    public static string Target(OrderAction action, string fulfilment) => action switch
    {
        OrderAction.Accept => OrderStatus.Accepted,
        OrderAction.Reject => OrderStatus.Rejected,
        OrderAction.MarkReady => OrderStatus.ReadyForPickup,
        OrderAction.MarkOutForDelivery => OrderStatus.OutForDelivery,
        OrderAction.MarkDelivered => fulfilment == Fulfilment.Pickup ? OrderStatus.PickedUp : OrderStatus.Delivered,
        OrderAction.Cancel => OrderStatus.Cancelled,
        OrderAction.Expire => OrderStatus.Expired,
        OrderAction.Complete => OrderStatus.Completed,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>Null when <paramref name="actor"/> may move an order from <paramref name="from"/> to <paramref name="to"/>; else why not.</summary>
    public static TransitionRefusal? Check(string from, string to, string actor, string fulfilment)
    {
        if (Allowed(from, to, actor, fulfilment))
            return null;
        var because = (from, to, actor) switch
        {
            (_, OrderStatus.ReadyForPickup, _) when fulfilment != Fulfilment.Pickup => " for a delivery order (use orderMarkOutForDelivery)",
            (_, OrderStatus.OutForDelivery, _) when fulfilment != Fulfilment.Delivery => " for a pickup order (use orderMarkReady)",
            (_, OrderStatus.Cancelled, ActorKinds.Buyer) when from != OrderStatus.Placed => ": a buyer may cancel only before the seller accepts",
            _ when OrderStatus.Terminal.Contains(from) => $": the order is already {from}",
            _ => "",
        };
        return new TransitionRefusal($"{from} → {to} is not allowed{because}.");
    }

    private static bool Allowed(string from, string to, string actor, string fulfilment) => (actor, from, to) switch
    {
        (ActorKinds.Seller, OrderStatus.Placed, OrderStatus.Accepted or OrderStatus.Rejected) => true,
        (ActorKinds.Seller, OrderStatus.Accepted, OrderStatus.ReadyForPickup) => fulfilment == Fulfilment.Pickup,
        (ActorKinds.Seller, OrderStatus.Accepted, OrderStatus.OutForDelivery) => fulfilment == Fulfilment.Delivery,
        (ActorKinds.Seller, OrderStatus.ReadyForPickup, OrderStatus.PickedUp) => true,
        (ActorKinds.Seller, OrderStatus.OutForDelivery, OrderStatus.Delivered) => true,
        (ActorKinds.Buyer, OrderStatus.Placed, OrderStatus.Cancelled) => true,
        // An administrator may cancel anything not already ended, after delivery and completion included: that is how a
        // refund happens.
        (ActorKinds.Admin, _, OrderStatus.Cancelled) => !OrderStatus.Terminal.Contains(from),
        (ActorKinds.System, OrderStatus.Placed, OrderStatus.Expired) => true,
        (ActorKinds.System, OrderStatus.Delivered or OrderStatus.PickedUp, OrderStatus.Completed) => true,
        _ => false,
    };

    /// <summary>The payment status after the transition and the side effects that follow it (in the order they run).</summary>
    public static (string PaymentStatus, IReadOnlyList<string> Effects) Consequences(Order order, string from, string to)
    {
        var card = order.PaymentMethod == PaymentMethods.Card;
        var payment = order.PaymentStatus;
        var effects = new List<string>();
        switch (to)
        {
            case OrderStatus.Accepted when card:
                payment = PaymentStatus.Paid;
                effects.Add(OrderEffectKinds.Capture);
                effects.Add(OrderEffectKinds.SettlePayment);
                break;
            case OrderStatus.OutForDelivery:
                effects.Add(OrderEffectKinds.Fulfil);
                break;
            case OrderStatus.PickedUp:
                effects.Add(OrderEffectKinds.Fulfil);
                payment = card ? payment : PaymentStatus.Paid;
                break;
            case OrderStatus.Delivered:
                payment = card ? payment : PaymentStatus.Paid;
                break;
            case OrderStatus.Rejected or OrderStatus.Cancelled or OrderStatus.Expired:
                if (payment == PaymentStatus.Paid)
                {
                    // Taken already (captured, or the cash handed over): given back.
                    payment = PaymentStatus.Refunded;
                    if (card)
                        effects.Add(OrderEffectKinds.Refund);
                }
                else
                {
                    payment = PaymentStatus.Voided;
                    if (card)
                        effects.Add(OrderEffectKinds.SettlePayment);
                }

                // Units still in the store go back to sale; units out with the courier come back; units the buyer has
                // stay with the buyer (a return of goods is its own process, not a cancellation).
                if (from is OrderStatus.Placed or OrderStatus.Accepted or OrderStatus.ReadyForPickup)
                    effects.Add(OrderEffectKinds.RestockUnfulfilled);
                else if (from == OrderStatus.OutForDelivery)
                    effects.Add(OrderEffectKinds.RestockFulfilled);
                break;
        }

        return (payment, effects);
    }
}
