using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Sellers.Stores.GetStore;

/// <summary>One store by id, else by slug, as <see cref="Viewer"/> may see it (null: none, or hidden from them).</summary>
internal sealed record GetStoreQuery(string Id, string Slug, Viewer Viewer) : IQuery<StoreView?>;
