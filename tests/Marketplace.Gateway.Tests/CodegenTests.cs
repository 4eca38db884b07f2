using Marketplace.Gateway.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// clients/typescript: graphql-codegen (strict scalars) generates the types of the example operations from the live
/// endpoint (introspection) and from schema.graphql alike, they equal the committed src/generated/graphql.ts, and they
/// compile with <c>tsc --strict</c> together with src/examples.ts. A schema change that breaks a client's operations,
/// or a scalar codegen cannot type, fails here.
/// </summary>
public sealed class CodegenTests : IAsyncLifetime
{
    private const string Client = "clients/typescript";
    private readonly int _port = HostProcess.FreePort();
    private readonly GatewayFactory _factory;
    private readonly string _output = Directory.CreateTempSubdirectory("codegen-").FullName;

    public CodegenTests()
    {
        _factory = (GatewayFactory)new GatewayFactory { WithTestArea = false }.With("Server:HttpPort", _port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _factory.UseKestrel();
    }

    public ValueTask InitializeAsync()
    {
        _factory.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task Codegen_from_the_live_endpoint_and_from_schema_graphql_gives_the_committed_strict_types()
    {
        var folder = NodeTool.Folder(Client);
        var committed = await File.ReadAllTextAsync(Path.Combine(folder, "src", "generated", "graphql.ts"));

        var fromFile = await GenerateAsync(folder, "from-file.ts", url: null);
        var fromUrl = await GenerateAsync(folder, "from-url.ts", url: $"http://127.0.0.1:{_port}/graphql");

        fromFile.Should().Be(committed, "src/generated/graphql.ts is out of date: run 'npm run codegen' in clients/typescript and commit it");
        fromUrl.Should().Be(fromFile, "introspection and schema.graphql describe the same schema");
        var typecheck = await NodeTool.RunAsync(folder, Path.Combine(folder, "node_modules", ".bin", "tsc"), ["--strict", "--noEmit", "-p", "."], TimeSpan.FromMinutes(2));
        typecheck.ExitCode.Should().Be(0, typecheck.ToString());
    }

    private async Task<string> GenerateAsync(string folder, string file, string? url)
    {
        var target = Path.Combine(_output, file);
        var environment = new Dictionary<string, string> { ["MARKETPLACE_CODEGEN_OUT"] = target, ["MARKETPLACE_GRAPHQL_URL"] = url ?? "" };
        var run = await NodeTool.RunAsync(folder, Path.Combine(folder, "node_modules", ".bin", "graphql-codegen"), ["--config", "codegen.ts"], TimeSpan.FromMinutes(2), environment);
        run.ExitCode.Should().Be(0, run.ToString());
        return await File.ReadAllTextAsync(target);
    }
}
