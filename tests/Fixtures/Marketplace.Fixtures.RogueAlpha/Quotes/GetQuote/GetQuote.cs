using Mediator;

namespace Marketplace.Fixtures.RogueAlpha.Quotes.GetQuote;

/// <summary>Fine: a query and its handler in their use-case folder, internal sealed.</summary>
internal sealed record GetQuoteQuery(decimal Price) : IQuery<decimal>;

internal sealed class GetQuoteHandler : IQueryHandler<GetQuoteQuery, decimal>
{
    public ValueTask<decimal> Handle(GetQuoteQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(query.Price);
}
