using System.Diagnostics;
using Marketplace.Testing;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// The published schema (schema.graphql, which SchemaFileTests keeps equal to the served one) passes
/// graphql-schema-linter with the rules in js/.graphql-schema-linterrc: every type, field, argument, input field and
/// enum value described, names cased as GraphQL expects, Relay's PageInfo as the spec says, no unused types.
/// </summary>
public sealed class SchemaLintTests
{
    [Fact]
    public async Task The_schema_passes_the_linter()
    {
        var folder = Path.Combine(HostProcess.RepositoryRoot, "tests", "Marketplace.Gateway.Tests", "js");
        if (!File.Exists(Path.Combine(folder, "node_modules", ".bin", "graphql-schema-linter")))
            throw new InvalidOperationException($"Run 'npm ci' in {folder} (scripts/test.sh does).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "node_modules/graphql-schema-linter/lib/cli.js", "--format", "compact", Path.Combine(HostProcess.RepositoryRoot, "schema.graphql") })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        var report = (await output) + (await errors);
        process.ExitCode.Should().Be(0, "schema.graphql has lint errors:\n" + report);
    }
}
