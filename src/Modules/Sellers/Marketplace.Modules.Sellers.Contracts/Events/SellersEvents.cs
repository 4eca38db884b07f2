using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Sellers.Contracts.Events;

// The facts the Sellers module publishes.

/// <summary>A verified seller opened a store (status ACTIVE).</summary>
[IntegrationEvent("marketplace.sellers.store_created.v1")]
public sealed record StoreCreated(
    Guid StoreId,
    Guid SellerId,
    string Name,
    string Slug,
    double Latitude,
    double Longitude,
    double ServiceRadiusKm,
    string Status,
    DateTimeOffset CreatedAt) : IIntegrationEvent;
