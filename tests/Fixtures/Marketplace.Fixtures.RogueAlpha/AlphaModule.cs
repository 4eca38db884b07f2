using Marketplace.Shared.Modules;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Fixtures.RogueAlpha;

public sealed class AlphaModule : IModule
{
    public string Name => "Alpha";

    public string Schema => "alpha";

    public void Register(ModuleBuilder module) => module.AddDbContext<AlphaDbContext>();
}

/// <summary>Violation: a module's DbContext is public.</summary>
public sealed class AlphaDbContext(DbContextOptions<AlphaDbContext> options) : ModuleDbContext(options, "alpha");

/// <summary>Violation: an implementation type is public.</summary>
public sealed class AlphaPricing
{
    public decimal Discount(decimal price) => price * 0.9m;
}
