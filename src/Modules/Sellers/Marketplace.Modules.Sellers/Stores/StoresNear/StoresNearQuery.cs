using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Sellers.Stores.StoresNear;

/// <summary>ACTIVE stores within <see cref="RadiusKm"/> of a point, nearest first, a page at a time.</summary>
internal sealed record StoresNearQuery(Coordinates Location, double RadiusKm, int First, string After, Viewer Viewer) : IQuery<Page<NearbyStoreView>>;

/// <summary>A store found near a point, its geodesic distance and its position key ("distance:id").</summary>
internal sealed record NearbyStoreView(StoreView Store, double DistanceMeters, string Key);
