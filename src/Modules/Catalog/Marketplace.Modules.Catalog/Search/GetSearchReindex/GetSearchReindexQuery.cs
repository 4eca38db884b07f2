using Mediator;

namespace Marketplace.Modules.Catalog.Search.GetSearchReindex;

/// <summary>A rebuild's progress by its id; null when there is none.</summary>
internal sealed record GetSearchReindexQuery(string Id) : IQuery<SearchReindex?>;
