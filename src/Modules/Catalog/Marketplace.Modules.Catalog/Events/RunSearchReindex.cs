using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Shared.Events;

namespace Marketplace.Modules.Catalog.Events;

/// <summary>The steps of a full rebuild (<see cref="SearchReindexer"/>), each one of Catalog's own work events.</summary>
internal sealed class RunSearchReindex(SearchReindexer reindexer)
    : IEventHandler<SearchReindexRequested>, IEventHandler<SearchReindexBatchPlanned>, IEventHandler<SearchReindexBuilt>
{
    public Task HandleAsync(SearchReindexRequested integrationEvent, CancellationToken cancellationToken) =>
        reindexer.StartAsync(integrationEvent, cancellationToken);

    public Task HandleAsync(SearchReindexBatchPlanned integrationEvent, CancellationToken cancellationToken) =>
        reindexer.RunBatchAsync(integrationEvent, cancellationToken);

    public Task HandleAsync(SearchReindexBuilt integrationEvent, CancellationToken cancellationToken) =>
        reindexer.SwapAsync(integrationEvent, cancellationToken);
}
