using Mediator;

namespace Marketplace.Modules.Catalog.Search.StartSearchReindex;

/// <summary>An administrator asks for a full rebuild of the search projection (<see cref="BatchSize"/> 0: the configured default).</summary>
internal sealed record StartSearchReindexCommand(Guid AdminId, int BatchSize) : ICommand<ReindexStarted>;

/// <summary>The rebuild started, or the one already in flight (<see cref="Started"/> false).</summary>
internal sealed record ReindexStarted(SearchReindex Run, bool Started);
