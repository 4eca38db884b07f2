using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Fixtures.RogueAlpha.GrpcServices;

/// <summary>Violation: a contract service that reads the DbContext and a domain service instead of sending a use case.</summary>
internal sealed class AlphaGrpcService(AlphaDbContext db, AlphaPricing pricing)
{
    public async Task<decimal> Quote(decimal price, CancellationToken cancellationToken) =>
        pricing.Discount(price) + await db.OutboxMessages.CountAsync(cancellationToken);
}

/// <summary>Fine: check the caller, send, map.</summary>
internal sealed class AlphaQuotesGrpcService(ISender mediator)
{
    public ValueTask<decimal> Quote(decimal price, CancellationToken cancellationToken) =>
        mediator.Send(new Quotes.GetQuote.GetQuoteQuery(price), cancellationToken);
}
