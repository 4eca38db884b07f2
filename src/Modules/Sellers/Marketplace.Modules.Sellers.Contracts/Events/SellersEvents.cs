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

/// <summary>
/// A store's listing facts changed: name, slug, location, service radius or status (ACTIVE, CLOSED, SUSPENDED).
/// Carries the whole current state, so a consumer (Catalog's search copy) replaces what it holds; <see cref="Version"/>
/// grows by one with every change (the created store is version 1), so a consumer ignores an older state arriving late.
/// </summary>
[IntegrationEvent("marketplace.sellers.store_updated.v1")]
public sealed record StoreUpdated(
    Guid StoreId,
    Guid SellerId,
    string Name,
    string Slug,
    double Latitude,
    double Longitude,
    double ServiceRadiusKm,
    string Status,
    long Version,
    DateTimeOffset UpdatedAt) : IIntegrationEvent;

/// <summary>A buyer started following a store (published only when the follow is new, not on a repeated follow).</summary>
[IntegrationEvent("marketplace.sellers.store_followed.v1")]
public sealed record StoreFollowed(
    Guid StoreId,
    Guid UserId,
    DateTimeOffset FollowedAt) : IIntegrationEvent;

/// <summary>A buyer stopped following a store (published only when a follow existed).</summary>
[IntegrationEvent("marketplace.sellers.store_unfollowed.v1")]
public sealed record StoreUnfollowed(
    Guid StoreId,
    Guid UserId,
    DateTimeOffset UnfollowedAt) : IIntegrationEvent;

/// <summary>
/// The Media assets a store shows changed (its logo or banner was set, replaced or cleared): <see cref="AssetIds"/> is
/// the whole current set of Media asset ids it references (external URLs are not assets; empty: none), so the Media
/// module keeps referenced assets and deletes the others after a grace period. <see cref="Version"/> is the store's
/// version with this change; a consumer ignores an older set arriving late.
/// </summary>
[IntegrationEvent("marketplace.sellers.store_media_changed.v1")]
public sealed record StoreMediaChanged(
    Guid StoreId,
    Guid SellerId,
    IReadOnlyList<Guid> AssetIds,
    long Version,
    DateTimeOffset ChangedAt) : IIntegrationEvent;
