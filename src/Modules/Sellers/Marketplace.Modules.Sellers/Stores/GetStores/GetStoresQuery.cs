using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Sellers.Stores.GetStores;

/// <summary>Batched hydration by ids (at most 200); unknown ids and stores hidden from the viewer are left out.</summary>
internal sealed record GetStoresQuery(IReadOnlyList<string> Ids, Viewer Viewer) : IQuery<List<StoreView>>;
