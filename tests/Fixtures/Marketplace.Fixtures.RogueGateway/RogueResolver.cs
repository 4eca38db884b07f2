using Marketplace.Fixtures.RogueAlpha;

namespace Marketplace.Fixtures.RogueGateway;

/// <summary>Violation: a gateway resolver that uses a module's internals instead of its contract.</summary>
public static class RogueResolver
{
    public static decimal Price(decimal price) => new AlphaPricing().Discount(price);
}
