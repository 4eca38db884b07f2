using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Ordering.Contracts.Events;

// The facts the Ordering module publishes.

/// <summary>
/// An order was placed: one event per order (a checkout across three stores places three orders in one group), written
/// by the transaction that placed it. For the buyer's confirmation and the seller's "new order": <see cref="SellerId"/>
/// is the user who runs the store, <see cref="StoreContactEmail"/> the store's contact address (empty when unknown).
/// Amounts are decimal text in <see cref="CurrencyCode"/> with the currency's decimals ("12.50"). Ids and facts only:
/// the lines and the buyer's address stay in the order (read it through the contract).
/// </summary>
[IntegrationEvent("marketplace.ordering.order_placed.v1")]
public sealed record OrderPlaced(
    Guid OrderId,
    Guid OrderGroupId,
    string Number,
    Guid BuyerId,
    Guid StoreId,
    Guid SellerId,
    string StoreName,
    string StoreContactEmail,
    string PaymentMethod,
    string Fulfilment,
    string CurrencyCode,
    string Total,
    int ItemCount,
    DateTimeOffset PlacedAt) : IIntegrationEvent;

/// <summary>
/// An order's status moved (issue 17's lifecycle): one event per transition, written by the transaction that moved it,
/// in the order the transitions happened (<see cref="Sequence"/> counts an order's transitions: placing it is 1, so the
/// first event of this kind carries 2). <see cref="From"/> and <see cref="To"/> are statuses (PLACED, ACCEPTED,
/// READY_FOR_PICKUP, OUT_FOR_DELIVERY, DELIVERED, PICKED_UP, COMPLETED, REJECTED, CANCELLED, EXPIRED);
/// <see cref="PaymentStatus"/> is the payment's status after the transition (PENDING, AUTHORIZED, PAID, VOIDED,
/// REFUNDED). <see cref="ActorKind"/> is BUYER, SELLER, ADMIN or SYSTEM (a job: expiry, completion), with the user's id
/// when a person did it; <see cref="Reason"/> is empty when none was given. Amounts are decimal text in
/// <see cref="CurrencyCode"/> with the currency's decimals ("12.50"): <see cref="Total"/> is the order's total, the
/// whole of what the buyer pays for it. Consumers (notifications, the sellers' payout ledger, live status) must be
/// idempotent by event id and must not assume they see the transitions of one order in order.
/// </summary>
[IntegrationEvent("marketplace.ordering.order_status_changed.v1")]
public sealed record OrderStatusChanged(
    Guid OrderId,
    Guid OrderGroupId,
    string Number,
    Guid BuyerId,
    Guid StoreId,
    Guid SellerId,
    string StoreName,
    string From,
    string To,
    int Sequence,
    string PaymentMethod,
    string PaymentStatus,
    string Fulfilment,
    string CurrencyCode,
    string Total,
    string ActorKind,
    Guid? ActorId,
    string Reason,
    DateTimeOffset ChangedAt) : IIntegrationEvent;
