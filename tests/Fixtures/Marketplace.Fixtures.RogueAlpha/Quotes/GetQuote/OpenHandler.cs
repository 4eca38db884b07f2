using Mediator;

namespace Marketplace.Fixtures.RogueAlpha.Quotes.GetQuote;

internal sealed record GetOpenQuoteQuery(decimal Price) : IQuery<decimal>;

/// <summary>Violation: a handler that is not sealed (and named after no query of its folder).</summary>
#pragma warning disable CA1852 // deliberately unsealed
internal class OpenHandler : IQueryHandler<GetOpenQuoteQuery, decimal>
#pragma warning restore CA1852
{
    public ValueTask<decimal> Handle(GetOpenQuoteQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(query.Price);
}
