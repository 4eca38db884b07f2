using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Shared.Contracts;

/// <summary>Serving this process's contracts over HTTP/2 gRPC, for modules of other processes to call.</summary>
public static class ContractHosting
{
    public static IServiceCollection AddContractServer(this IServiceCollection services, ContractOptions options)
    {
        services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = options.DetailedErrors;
            grpc.MaxReceiveMessageSize = 4 * 1024 * 1024;
            grpc.Interceptors.Add<IncomingCallContextInterceptor>();
        });
        // The standard grpc.health.v1 service on the contract port, answering from this process's own readiness checks
        // (never the checks of modules it calls in other processes: those would make two processes ask each other).
        services.AddGrpcHealthChecks(health => health.Services.Map("", check => check.Tags.Contains(Operations.Infrastructure.ReadyTag)));
        return services;
    }

    /// <summary>Maps each implementation's gRPC service; with a port, only requests on that port reach it.</summary>
    public static void MapContracts(this IEndpointRouteBuilder endpoints, IEnumerable<Type> implementations, int? port = null)
    {
        var map = typeof(GrpcEndpointRouteBuilderExtensions).GetMethods()
            .Single(m => m.Name == nameof(GrpcEndpointRouteBuilderExtensions.MapGrpcService) && m.GetParameters().Length == 1);
        foreach (var implementation in implementations)
        {
            var convention = (GrpcServiceEndpointConventionBuilder)map.MakeGenericMethod(implementation).Invoke(null, [endpoints])!;
            if (port is { } p)
                convention.RequireHost($"*:{p}");
        }

        var health = endpoints.MapGrpcHealthChecksService();
        if (port is { } healthPort)
            health.RequireHost($"*:{healthPort}");
    }
}
