using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Configuration;
using Polly;
using Polly.Retry;

namespace Marketplace.Shared.Contracts;

/// <summary>
/// How calls to a module in another process behave (<c>Contracts:*</c>): a deadline on every unary call (a default and
/// per-method overrides), and a few quick retries of reads when the module could not be reached at all.
/// </summary>
public sealed class RemoteCallOptions
{
    public const string Section = "Contracts";

    /// <summary>Below the gateway's execution timeout (10 s), so a slow module fails its fields, not the whole operation.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(8);

    public TimeSpan Deadline { get; init; } = DefaultDeadline;

    /// <summary>Per method, by short name (<c>CompleteCheckout</c>) or full name (<c>marketplace.ordering.v1.Checkouts/CompleteCheckout</c>).</summary>
    public IReadOnlyDictionary<string, TimeSpan> Deadlines { get; init; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>Extra attempts of an idempotent read that found the module unreachable (0 turns retries off).</summary>
    public int ReadRetries { get; init; } = 2;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public static RemoteCallOptions Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var deadlines = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var entry in section.GetSection("Deadlines").GetChildren())
            deadlines[entry.Key] = Duration($"{Section}:Deadlines:{entry.Key}", entry.Value, TimeSpan.Zero);
        var retries = section["ReadRetries"];
        return new RemoteCallOptions
        {
            Deadline = Duration($"{Section}:Deadline", section["Deadline"], DefaultDeadline),
            Deadlines = deadlines,
            ReadRetries = string.IsNullOrWhiteSpace(retries) ? 2
                : int.TryParse(retries, CultureInfo.InvariantCulture, out var count) && count is >= 0 and <= 5 ? count
                : throw new ConfigurationException($"{Section}:ReadRetries", retries, "expected 0 to 5"),
        };
    }

    public TimeSpan DeadlineFor(IMethod method) =>
        Deadlines.TryGetValue(method.FullName.TrimStart('/'), out var full) ? full
        : Deadlines.TryGetValue(method.Name, out var @short) ? @short
        : Deadline;

    /// <summary>
    /// Reads change nothing, so repeating one is harmless: contract methods named <c>Get…</c>, <c>List…</c>, <c>Find…</c>,
    /// <c>Is…</c> and the search methods. Writes are never repeated by the caller (a write that reached the module and lost
    /// its answer could otherwise apply twice); their idempotency, where they have it, is the module's own (keys, states).
    /// </summary>
    public static bool IsIdempotentRead(IMethod method) =>
        method.Type == MethodType.Unary && (
            ReadPrefixes.Any(prefix => method.Name.StartsWith(prefix, StringComparison.Ordinal) && method.Name.Length > prefix.Length && char.IsUpper(method.Name[prefix.Length]))
            || ReadMethods.Contains(method.Name));

    private static readonly string[] ReadPrefixes = ["Get", "List", "Find", "Is"];
    private static readonly HashSet<string> ReadMethods = new(StringComparer.Ordinal) { "DeliversTo", "ProductsNear", "StoresNear" };

    private static TimeSpan Duration(string setting, string? raw, TimeSpan defaultValue)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return defaultValue == TimeSpan.Zero ? throw new ConfigurationException(setting, raw, "expected a duration such as 00:00:05") : defaultValue;
        return TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero && value <= TimeSpan.FromMinutes(10)
            ? value
            : throw new ConfigurationException(setting, raw, "expected a duration between 0 and 10 minutes, e.g. 00:00:05");
    }
}

/// <summary>
/// Client side of a contract reached over a real channel: gives every unary call a deadline, retries idempotent reads
/// that never reached the module, and turns "the module's process cannot be reached" into one clear error naming the
/// module (<see cref="ContractError.ServiceUnavailableReason"/>), which the gateway shows on the fields that needed it.
/// </summary>
internal sealed class RemoteCallInterceptor : Interceptor
{
    private readonly string _module;
    private readonly RemoteCallOptions _options;
    private readonly ResiliencePipeline _readRetry;

    public RemoteCallInterceptor(string module, RemoteCallOptions options)
    {
        _module = module;
        _options = options;
        _readRetry = options.ReadRetries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                // Unavailable without details: the connection failed, so the module never saw the call.
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => e.StatusCode == StatusCode.Unavailable && e.GetRpcStatus() is null),
                MaxRetryAttempts = options.ReadRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            }).Build();
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        try
        {
            return continuation(request, WithDeadline(context));
        }
        catch (RpcException exception) when (Translate(exception) is { } clear)
        {
            throw clear;
        }
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        context = WithDeadline(context);
        if (!RemoteCallOptions.IsIdempotentRead(context.Method))
        {
            var call = continuation(request, context);
            return new AsyncUnaryCall<TResponse>(TranslateAsync(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
        }

        // Each attempt is a new call; headers, status and trailers are those of the last one.
        AsyncUnaryCall<TResponse>? current = null;
        var response = TranslateAsync(_readRetry.ExecuteAsync(
            async token =>
            {
                current?.Dispose();
                current = continuation(request, context);
                return await current.ResponseAsync.ConfigureAwait(false);
            },
            context.Options.CancellationToken).AsTask());
        return new AsyncUnaryCall<TResponse>(
            response,
            HeadersAsync(response, () => current!),
            () => current!.GetStatus(),
            () => current!.GetTrailers(),
            () => current?.Dispose());
    }

    private static async Task<Metadata> HeadersAsync<TResponse>(Task<TResponse> response, Func<AsyncUnaryCall<TResponse>> current)
    {
        try
        {
            await response.ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // The headers (or the failure) are the last call's.
        }

        return await current().ResponseHeadersAsync.ConfigureAwait(false);
    }

    private ClientInterceptorContext<TRequest, TResponse> WithDeadline<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        // A caller's own deadline stands (it may be shorter, or a long-running call's longer one).
        if (context.Options.Deadline is not null)
            return context;
        var deadline = DateTime.UtcNow + _options.DeadlineFor(context.Method);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithDeadline(deadline));
    }

    private async Task<TResponse> TranslateAsync<TResponse>(Task<TResponse> response)
    {
        try
        {
            return await response.ConfigureAwait(false);
        }
        catch (RpcException exception) when (Translate(exception) is { } clear)
        {
            throw clear;
        }
    }

    /// <summary>
    /// Failures of the channel itself (no details: a module answers with rich errors) become errors naming the module;
    /// the module's own errors (even its own Unavailable, with details) pass unchanged.
    /// </summary>
    private RpcException? Translate(RpcException exception) =>
        exception.GetRpcStatus() is not null ? null
        : exception.StatusCode switch
        {
            StatusCode.Unavailable => ContractError.ServiceUnavailable(_module, exception),
            StatusCode.DeadlineExceeded => ContractError.ServiceTimeout(_module, exception),
            _ => null,
        };
}
