using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

// GraphQL vs a minimal-API endpoint doing the same contract call (Users.GetSigningKeys, one PostgreSQL query),
// on loopback, closed-loop with a fixed number of concurrent clients; prints throughput, p50/p99 and the ratio.
// Usage: dotnet run -c Release --project bench/Marketplace.Gateway.Bench [-- <seconds-per-run> <concurrency>]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var port = FreePort();

// WebApplicationFactory finds the host's content root from test metadata; a console app names it explicitly.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Marketplace.sln")))
    root = root.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_HOST", Path.Combine(root?.FullName ?? ".", "src", "Host", "Marketplace.Host"));

await using var factory = new BenchFactory();
factory.With("Server:HttpPort", port.ToString(CultureInfo.InvariantCulture))
    .With("Gateway:RateLimitPerIp", "0")
    .With("Gateway:RateLimitPerUser", "0")
    .With("Logging:LogLevel:Default", "Warning");
factory.UseKestrel();
factory.StartServer();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri($"http://127.0.0.1:{port}"),
};
const string graphQLBody = """{"query":"query Bench { benchSigningKeyCount }"}""";

HttpRequestMessage GraphQLRequest()
{
    var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(graphQLBody, Encoding.UTF8, "application/json") };
    request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
    return request;
}

HttpRequestMessage BaselineRequest() => new(HttpMethod.Get, "/bench/baseline");

// Warm up both paths (JIT, connection pools, document cache) before measuring.
await RunAsync(GraphQLRequest, Math.Min(2, seconds));
await RunAsync(BaselineRequest, Math.Min(2, seconds));
var baseline = await RunAsync(BaselineRequest, seconds);
var graphql = await RunAsync(GraphQLRequest, seconds);

Console.WriteLine($"loopback, {concurrency} concurrent clients, {seconds}s per run");
Console.WriteLine($"{"endpoint",-22}{"req/s",10}{"p50 ms",10}{"p99 ms",10}{"errors",8}");
Print("minimal API baseline", baseline);
Print("GraphQL /graphql", graphql);
var ratio = graphql.Throughput / baseline.Throughput;
Console.WriteLine($"GraphQL / baseline throughput ratio: {ratio:F2}x (goal >= 0.60x) {(ratio >= 0.6 ? "OK" : "BELOW GOAL")}");
return 0;

async Task<Result> RunAsync(Func<HttpRequestMessage> create, double duration)
{
    var latencies = new List<double>[concurrency];
    var errors = 0;
    var stopAt = Stopwatch.GetTimestamp() + (long)(duration * Stopwatch.Frequency);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var mine = latencies[worker] = [];
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(create());
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                Interlocked.Increment(ref errors);
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }));
    var all = latencies.SelectMany(l => l).Order().ToArray();
    return new Result(all.Length / clock.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), errors);
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static void Print(string name, Result result) =>
    Console.WriteLine($"{name,-22}{result.Throughput,10:F0}{result.P50,10:F2}{result.P99,10:F2}{result.Errors,8}");

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

internal sealed record Result(double Throughput, double P50, double P99, int Errors);

/// <summary>The real host plus the two endpoints under comparison.</summary>
internal sealed class BenchFactory : MarketplaceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSchemaContribution<BenchContribution>();
            services.AddTransient<IStartupFilter, BaselineEndpoint>();
        });
    }
}

/// <summary>The GraphQL side: one field, one contract call.</summary>
internal sealed class BenchContribution(UsersSigningKeys.UsersSigningKeysClient users) : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query) =>
        query.Field<IntGraphType>("benchSigningKeyCount")
            .AllowAnonymous()
            .ResolveAsync(async c => (object?)(await users.GetSigningKeysAsync(new GetSigningKeysRequest(), cancellationToken: c.CancellationToken)).JwksJson.Length);
}

/// <summary>The baseline: a minimal endpoint making the same contract call and writing a similar JSON body.</summary>
internal sealed class BaselineEndpoint : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/bench/baseline", branch => branch.Run(async http =>
        {
            var users = http.RequestServices.GetRequiredService<UsersSigningKeys.UsersSigningKeysClient>();
            var response = await users.GetSigningKeysAsync(new GetSigningKeysRequest(), cancellationToken: http.RequestAborted);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync($$$"""{"data":{"benchSigningKeyCount":{{{response.JwksJson.Length}}}}}""", http.RequestAborted);
        }));
        next(app);
    };
}
