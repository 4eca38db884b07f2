using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Testing;

/// <summary>
/// The whole host in memory (WebApplicationFactory) against the real PostgreSQL, Redis and NATS of the test run.
/// Settings can be overridden per factory; by default it uses the shared test database.
/// </summary>
public class MarketplaceFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal)
    {
        ["ConnectionStrings:Marketplace"] = TestServices.Postgres,
        ["ConnectionStrings:Redis"] = TestServices.Redis,
        ["ConnectionStrings:Nats"] = TestServices.Nats,
        ["Database:MigrateOnStart"] = "true",
        // Required outside Development; the value Development uses, so keys created by any host are readable by all.
        ["Modules:Users:SigningKeyPassphrase"] = TestServices.SigningKeyPassphrase,
    };

    public string Environment { get; init; } = "Development";

    public MarketplaceFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }
}
