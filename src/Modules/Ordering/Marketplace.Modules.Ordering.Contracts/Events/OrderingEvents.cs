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
