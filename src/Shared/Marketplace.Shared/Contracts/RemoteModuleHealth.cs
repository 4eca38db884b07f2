using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Shared.Contracts;

/// <summary>
/// Readiness of a module this process calls in another process: asks that process's standard gRPC health service
/// (<c>grpc.health.v1.Health/Check</c>, which answers from the module process's own checks: its database, Redis,
/// NATS, outbox). Registered as <see cref="HealthStatus.Degraded"/> on failure, under its own tag: readiness names the
/// module that is down, but a gateway whose one module is down still answers everything else, so a load balancer must
/// not take every gateway replica out for it (docs/deployment.md).
/// </summary>
internal sealed class RemoteModuleHealthCheck(string module, ContractChannels channels) : IHealthCheck
{
    public const string Tag = ContractHealth.RemoteModuleTag;

    public static string NameOf(string module) => $"module:{module}";

    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var client = new Health.HealthClient(channels.InvokerFor(module));
        try
        {
            var answer = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken).ConfigureAwait(false);
            return answer.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded($"{module} answers {answer.Status}");
        }
        catch (RpcException exception) when (exception.StatusCode is not StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"{module} cannot be reached ({exception.StatusCode})");
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        CheckAsync(cancellationToken);
}

public static class ContractHealth
{
    /// <summary>The tag of readiness checks of modules in other processes; a module process's own gRPC health answer never includes them (no cycles).</summary>
    public const string RemoteModuleTag = "remote-module";
}
