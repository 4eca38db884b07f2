using GraphQL;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Http;
using Marketplace.Gateway.Limits;
using Marketplace.Gateway.Notifications;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Users;
using Marketplace.Gateway.WebSockets;
using Marketplace.Shared;
using Marketplace.Shared.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// The GraphQL gateway's services: schema (composed from contributions), transports, auth, limits. Each module's area
    /// (<see cref="IGatewayArea"/>) registers its own contract clients and fields; the token checks below use the Users
    /// area's clients (signing keys, session liveness).
    /// </summary>
    public static IServiceCollection AddGateway(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new GatewayOptions();
        configuration.GetSection(GatewayOptions.Section).Bind(options);
        Validate(options);
        services.AddSingleton(options);
        services.AddSingleton(new GatewayRuntime(options, environment.IsDevelopment()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddSingleton<SigningKeyCache>();
        services.AddSingleton<TokenAuthenticator>();
        services.AddSingleton<UsersSessionLiveness>();
        services.AddSingleton<Marketplace.Shared.Security.ISessionLiveness>(sp => sp.GetRequiredService<UsersSessionLiveness>());
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerAuthenticationHandler>(Marketplace.Shared.Operations.AccessTokenScheme.Name, null);
        services.AddSingleton<HttpRateLimiter>();
        services.AddGatewayEdge(options);
        services.AddSingleton(new DocumentCache(options.DocumentCacheSize));
        services.AddSingleton<DocumentBudget>();
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<GraphQLWebSocketEndpoint>();
        services.AddSingleton<NodeRegistry>();
        services.AddScoped<DataLoaderContext>();

        services.AddSingleton<QueryType>();
        services.AddSingleton<MutationType>();
        services.AddSingleton<SubscriptionType>();
        services.AddSchemaContribution<RelayContribution>();

        // Every module's area registers itself (src/Gateway/Marketplace.Gateway/<Module>/<Module>Area.cs).
        GatewayAreas.RegisterAll(services);

        services.AddGraphQL(graphql => graphql
            .AddSchema<MarketplaceSchema>(GraphQL.DI.ServiceLifetime.Singleton)
            .AddSystemTextJson()
            .AddErrorInfoProvider<GatewayErrorInfoProvider>()
            .AddGraphTypes(typeof(GatewayAssembly).Assembly)
            .UseMiddleware<FieldAuthorizationMiddleware>());
        return services;
    }

    /// <summary>Maps /graphql (HTTP, WebSocket, GraphiQL), GraphiQL's assets and /.well-known/jwks.json.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<GatewayOptions>();
        // Build the schema now: a contribution's mistake (e.g. a mutation without an access rule) stops start-up.
        app.Services.GetRequiredService<MarketplaceSchema>().Initialize();
        app.UseGatewayEdge(options);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.WebSockets.KeepAlive });
        app.Map("/graphql", (HttpContext http, GraphQLHttpEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapGet(GraphiQLPage.AssetPath + "/{file}", (HttpContext http, string file, GatewayRuntime runtime) =>
            runtime.GraphiQL ? GraphiQLPage.WriteAssetAsync(http, file) : Results.NotFound().ExecuteAsync(http));
        // Browsers ask every host for /favicon.ico: GraphiQL's, where it is served.
        app.MapGet("/favicon.ico", (HttpContext http, GatewayRuntime runtime) =>
            runtime.GraphiQL ? GraphiQLPage.WriteAssetAsync(http, "favicon.ico") : Results.NotFound().ExecuteAsync(http));
        app.MapGet("/.well-known/jwks.json", async (HttpContext http, SigningKeyCache keys) =>
        {
            SigningKeyCache.Snapshot snapshot;
            try
            {
                snapshot = await keys.GetAsync(null, http.RequestAborted);
            }
            catch (Grpc.Core.RpcException exception) when (exception.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded)
            {
                // The Users module (maybe another process) cannot be reached: a temporary condition, not a fault here.
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = "5";
                return;
            }

            http.Response.ContentType = "application/jwk-set+json";
            http.Response.Headers.CacheControl = "public, max-age=300";
            await http.Response.WriteAsync(snapshot.JwksJson, http.RequestAborted);
        });
        if (app.Environment.IsDevelopment())
        {
            app.MapGet("/dev/sms", DevelopmentSmsEndpoint.HandleAsync);
            AccountLinkPages.Map(app);
        }
        UnsubscribeEndpoint.Map(app);
        return app;
    }

    private static void Validate(GatewayOptions options)
    {
        Positive(options.MaxDepth, "Gateway:MaxDepth");
        Positive(options.MaxComplexity, "Gateway:MaxComplexity");
        Positive(options.DefaultListSize, "Gateway:DefaultListSize");
        Positive(options.MaxAliases, "Gateway:MaxAliases");
        Positive(options.MaxTokens, "Gateway:MaxTokens");
        Positive(options.MaxFields, "Gateway:MaxFields");
        Positive(options.MaxFragments, "Gateway:MaxFragments");
        Positive(options.MaxFragmentDepth, "Gateway:MaxFragmentDepth");
        Positive(options.MaxNesting, "Gateway:MaxNesting");
        if (options.MaxNesting < options.MaxDepth)
            throw new ConfigurationException("Gateway:MaxNesting", options.MaxNesting.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be at least Gateway:MaxDepth (fields nest selections too)");
        Positive(options.MaxPageSize, "Gateway:MaxPageSize");
        Positive(options.DefaultPageSize, "Gateway:DefaultPageSize");
        if (options.DefaultPageSize > options.MaxPageSize)
            throw new ConfigurationException("Gateway:DefaultPageSize", options.DefaultPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "must not exceed Gateway:MaxPageSize");
        if (options.MaxRequestBytes < 1024)
            throw new ConfigurationException("Gateway:MaxRequestBytes", options.MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "expected at least 1024 bytes");
        if (options.ExecutionTimeout <= TimeSpan.Zero)
            throw new ConfigurationException("Gateway:ExecutionTimeout", options.ExecutionTimeout.ToString(), "expected a positive duration such as 00:00:10");
        if (string.IsNullOrWhiteSpace(options.Auth.Issuer) || string.IsNullOrWhiteSpace(options.Auth.Audience))
            throw new ConfigurationException("Gateway:Auth:Issuer/Audience", null, "both must be set");
        GatewayEdge.Validate(options);
    }

    private static void Positive(int value, string key)
    {
        if (value <= 0)
            throw new ConfigurationException(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "expected a positive number");
    }
}
