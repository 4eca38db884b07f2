using Marketplace.Shared.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.Shared.Operations;

public static class Observability
{
    public const string MeterName = "Marketplace";
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>
    /// Logs as JSON outside Development (one object per line, scopes included so each line carries its
    /// correlation id); OpenTelemetry traces and metrics exported over OTLP when <c>Telemetry:OtlpEndpoint</c>
    /// (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set.
    /// </summary>
    public static void AddMarketplaceObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
            builder.Logging.AddSimpleConsole(o => { o.IncludeScopes = true; o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        else
            builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });

        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
            return;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var otlp))
            throw new ConfigurationException("Telemetry:OtlpEndpoint", endpoint, "expected an absolute URL such as http://127.0.0.1:4317");

        var protocol = builder.Configuration["Telemetry:OtlpProtocol"] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new ConfigurationException("Telemetry:OtlpProtocol", other, "expected grpc or http/protobuf"),
        };

        // Over HTTP each signal has its own path on the collector; over gRPC the base address serves both.
        Uri Signal(string path) => protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(otlp, path) : otlp;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["Telemetry:ServiceName"] ?? "marketplace"))
            .WithTracing(t => t
                .AddSource(ContractTelemetry.SourceName, "Marketplace.*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => { o.Endpoint = Signal("v1/traces"); o.Protocol = protocol; }))
            .WithMetrics(m => m
                .AddMeter(MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentationIfAvailable()
                .AddOtlpExporter(o => { o.Endpoint = Signal("v1/metrics"); o.Protocol = protocol; }));
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfAvailable(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Runtime");

    /// <summary>
    /// Gives each HTTP request a correlation id (the caller's <c>X-Correlation-Id</c> when well-formed), echoes it
    /// in the response, puts it in the log scope and in the <see cref="CallContext"/> that contract calls carry.
    /// An exception nothing else handled becomes a 500 JSON error carrying the id.
    /// </summary>
    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var presented = http.Request.Headers[CorrelationHeader].ToString();
            var correlationId = CallMetadata.IsValidCorrelationId(presented) ? presented : CallContext.NewCorrelationId();
            http.Response.Headers[CorrelationHeader] = correlationId;
            http.Items[CorrelationHeader] = correlationId;

            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Marketplace.Http");
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId });
            using var context = CallContext.Push(new CallContext(Caller.Anonymous, correlationId));
            try
            {
                await next(http).ConfigureAwait(false);
            }
            catch (Exception exception) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                // The last line: an unexpected fault still answers 500 with the correlation id (header and body) and no
                // exception text, in every environment, instead of an empty body or a stack trace page.
                logger.LogError(exception, "Unhandled exception answering {Method} {Path}", http.Request.Method, http.Request.Path);
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                http.Response.Headers[CorrelationHeader] = correlationId;
                http.Response.Headers.CacheControl = "no-store";
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.WriteAsync(
                    $$$"""{"errors":[{"message":"Something went wrong on our side. Quote the correlation id when reporting it.","extensions":{"code":"INTERNAL","correlationId":"{{{correlationId}}}"}}]}""",
                    CancellationToken.None).ConfigureAwait(false);
            }
        });

    public static string CorrelationId(this HttpContext http) =>
        http.Items[CorrelationHeader] as string ?? CallContext.Current.CorrelationId;
}
