using Marketplace.Fixtures.RogueAlpha;
using Marketplace.Shared.Modules;

namespace Marketplace.Fixtures.RogueBeta;

public sealed class BetaModule : IModule
{
    public string Name => "Beta";

    public string Schema => "beta";

    public void Register(ModuleBuilder module)
    {
    }
}

/// <summary>Violation: reads another module's tables through its DbContext.</summary>
internal sealed class BetaReport(AlphaDbContext alpha)
{
    public int Count() => alpha.ChangeTracker.Entries().Count();
}

/// <summary>Violation: calls another module's internals instead of its contract.</summary>
internal sealed class BetaCheckout
{
    public decimal Total(decimal price) => new AlphaPricing().Discount(price);
}
