using System.Diagnostics;
using Grpc.Core;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Marketplace.Shared.UseCases;

/// <summary>
/// Logs each use case's name, caller, outcome and duration. Never the message itself: it may hold a password,
/// a code or personal data.
/// </summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var context = CallContext.Current;
        try
        {
            var response = await next(message, cancellationToken).ConfigureAwait(false);
            if (response is IRefusable { RefusalReason: { } refusal })
            {
                logger.LogInformation(
                    "{UseCase} by {CallerKind} {CallerId} was refused with {Reason} in {ElapsedMs:0.0} ms (correlation {CorrelationId})",
                    typeof(TMessage).Name, context.Caller.Kind, context.Caller.Id, refusal, Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.CorrelationId);
                return response;
            }

            logger.LogInformation(
                "{UseCase} by {CallerKind} {CallerId} succeeded in {ElapsedMs:0.0} ms (correlation {CorrelationId})",
                typeof(TMessage).Name, context.Caller.Kind, context.Caller.Id, Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.CorrelationId);
            return response;
        }
        catch (RpcException exception)
        {
            // Expected outcomes (not found, invalid input, denied): information, not errors.
            logger.LogInformation(
                "{UseCase} by {CallerKind} {CallerId} ended with {StatusCode} {Reason} in {ElapsedMs:0.0} ms (correlation {CorrelationId})",
                typeof(TMessage).Name, context.Caller.Kind, context.Caller.Id, exception.StatusCode, exception.Reason(),
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.CorrelationId);
            throw;
        }
    }
}
