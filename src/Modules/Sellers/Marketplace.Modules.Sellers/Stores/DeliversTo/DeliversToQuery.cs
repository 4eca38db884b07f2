using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Sellers.Stores.DeliversTo;

/// <summary>Whether a point lies within a store's service radius (null: no such store for this viewer).</summary>
internal sealed record DeliversToQuery(string StoreId, Coordinates Location, Viewer Viewer) : IQuery<DeliveryAnswer?>;

internal sealed record DeliveryAnswer(bool Delivers, double DistanceMeters);
