using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Catalog.Search.StartSearchReindex;

/// <summary>
/// Step 1 of a rebuild (<see cref="SearchReindexer"/>): a REQUESTED row and <c>search_reindex_requested.v1</c>, committed
/// together. Requests are serialised by an advisory lock, so two concurrent ones cannot both start; a rebuild in flight
/// is answered instead, unless it made no progress for too long (then it is abandoned for the new one).
/// </summary>
internal sealed class StartSearchReindexHandler(CatalogDbContext db, SearchOptions options, TimeProvider clock, ILogger<StartSearchReindexHandler> logger)
    : ICommandHandler<StartSearchReindexCommand, ReindexStarted>
{
    public async ValueTask<ReindexStarted> Handle(StartSearchReindexCommand command, CancellationToken cancellationToken)
    {
        var batchSize = command.BatchSize == 0 ? options.ReindexBatchSize : command.BatchSize;
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('catalog.search_reindex', 0))", cancellationToken);
        var inFlight = await db.Set<SearchReindex>()
            .Where(r => r.Status == SearchReindexStatus.Requested || r.Status == SearchReindexStatus.Running)
            .OrderBy(r => r.RequestedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (inFlight is not null)
        {
            if (now - inFlight.LastProgressAt < options.ReindexStaleAfter)
                return new ReindexStarted(inFlight, false);
            inFlight.Status = SearchReindexStatus.Abandoned;
            inFlight.CompletedAt = now;
            inFlight.Note = $"No progress since {inFlight.LastProgressAt:O}; superseded by a new request.";
            logger.LogWarning("Search reindex {ReindexId} made no progress since {LastProgressAt}; abandoned for a new one", inFlight.Id, inFlight.LastProgressAt);
        }

        var run = new SearchReindex
        {
            Id = Guid.CreateVersion7(),
            Status = SearchReindexStatus.Requested,
            BatchSize = batchSize,
            RequestedBy = command.AdminId.ToString(),
            RequestedAt = now,
            LastProgressAt = now,
        };
        db.Add(run);
        db.AddEvent(new SearchReindexRequested(run.Id, batchSize, now));
        return new ReindexStarted(run, true);
    }
}
