using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Catalog.Contracts.Events;

// Catalog's own work items for rebuilding the search projection: published to Catalog's stream and consumed by
// Catalog itself, so a full rebuild runs through JetStream in bounded steps (retried, parked, replayable like any
// event). Other modules have no reason to consume them.

/// <summary>An administrator asked for a full rebuild of the product search projection.</summary>
[IntegrationEvent("marketplace.catalog.search_reindex_requested.v1")]
public sealed record SearchReindexRequested(
    Guid ReindexId,
    int BatchSize,
    DateTimeOffset RequestedAt) : IIntegrationEvent;

/// <summary>
/// One batch of a rebuild was planned: the products whose id lies after <see cref="AfterProductId"/> (exclusive;
/// null = from the first) up to <see cref="UpToProductId"/> (inclusive; null = to the last), in uuid order.
/// </summary>
[IntegrationEvent("marketplace.catalog.search_reindex_batch_planned.v1")]
public sealed record SearchReindexBatchPlanned(
    Guid ReindexId,
    int Batch,
    Guid? AfterProductId,
    Guid? UpToProductId,
    DateTimeOffset PlannedAt) : IIntegrationEvent;

/// <summary>Every batch of a rebuild is in the shadow table: swap it in for the live one.</summary>
[IntegrationEvent("marketplace.catalog.search_reindex_built.v1")]
public sealed record SearchReindexBuilt(
    Guid ReindexId,
    DateTimeOffset BuiltAt) : IIntegrationEvent;
