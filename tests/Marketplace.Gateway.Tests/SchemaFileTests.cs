using GraphQL;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// schema.graphql at the repository root is what client developers read: it must equal the served schema.
/// Regenerate it with <c>UPDATE_SCHEMA=1 dotnet test tests/Marketplace.Gateway.Tests --filter SchemaFileTests</c>.
/// </summary>
public sealed class SchemaFileTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new() { WithTestArea = false };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public void Schema_file_matches_the_served_schema()
    {
        _factory.CreateClient();
        var schema = _factory.Services.GetRequiredService<MarketplaceSchema>();
        var printed = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot(), "schema.graphql");

        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
            File.WriteAllText(path, printed);

        File.Exists(path).Should().BeTrue("schema.graphql must be committed; create it with UPDATE_SCHEMA=1");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        committed.Should().Be(printed,
            "schema.graphql is out of date: run 'UPDATE_SCHEMA=1 dotnet test tests/Marketplace.Gateway.Tests --filter SchemaFileTests' and commit the file");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Marketplace.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Marketplace.sln not found above " + AppContext.BaseDirectory);
    }
}
