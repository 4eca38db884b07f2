using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>A search hit: the product (from the projection, or hydrated) and its distance and position key.</summary>
internal sealed record NearbyProductHit(Product Product, double DistanceMeters, string Key);
