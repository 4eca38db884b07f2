using Marketplace.Fixtures.RogueAlpha;

namespace Marketplace.Fixtures.RogueContracts;

/// <summary>Violation: a Contracts type that depends on a module's implementation (its pricing).</summary>
public sealed record AlphaQuote(decimal Price)
{
    public decimal Discounted => new AlphaPricing().Discount(Price);
}

/// <summary>Fine: a plain message type.</summary>
public sealed record AlphaRequest(string Id);
