using System.Diagnostics;
using Grpc.Core;

namespace Marketplace.Shared.Contracts;

/// <summary>
/// How a <see cref="CallContext"/> rides in gRPC metadata, identically in process and over a socket.
/// </summary>
public static class CallMetadata
{
    public const string CallerKind = "x-caller-kind";
    public const string CallerId = "x-caller-id";
    public const string CallerRoles = "x-caller-roles";
    public const string CallerSession = "x-caller-session";
    public const string CorrelationId = "x-correlation-id";
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    /// <summary>Shared secret a process presents when it calls another process's contracts over gRPC.</summary>
    public const string ServiceToken = "x-service-token";

    /// <summary>Adds the context's entries (and the current trace) to <paramref name="headers"/> unless already there.</summary>
    public static void Write(CallContext context, Metadata headers)
    {
        SetIfAbsent(headers, CallerKind, context.Caller.Kind.ToString());
        if (context.Caller.Id is { } id)
            SetIfAbsent(headers, CallerId, id);
        if (context.Caller.Roles.Count > 0)
            SetIfAbsent(headers, CallerRoles, string.Join(',', context.Caller.Roles.Order(StringComparer.Ordinal)));
        if (context.Caller.SessionId is { } session)
            SetIfAbsent(headers, CallerSession, session);
        SetIfAbsent(headers, CorrelationId, context.CorrelationId);

        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            SetIfAbsent(headers, TraceParent, activity.Id!);
            if (!string.IsNullOrEmpty(activity.TraceStateString))
                SetIfAbsent(headers, TraceState, activity.TraceStateString);
        }
    }

    /// <summary>Reads the context a caller wrote; missing entries mean anonymous and a fresh correlation id.</summary>
    public static CallContext Read(Metadata headers)
    {
        var kind = Enum.TryParse<CallerKind>(headers.GetValue(CallerKind), ignoreCase: false, out var parsed)
            ? parsed
            : Contracts.CallerKind.Anonymous;
        var id = headers.GetValue(CallerId);
        if (kind != Contracts.CallerKind.Anonymous && string.IsNullOrEmpty(id))
            kind = Contracts.CallerKind.Anonymous;

        var caller = kind == Contracts.CallerKind.Anonymous
            ? Caller.Anonymous
            : new Caller(
                kind,
                id,
                (headers.GetValue(CallerRoles) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                headers.GetValue(CallerSession));

        var correlationId = headers.GetValue(CorrelationId);
        return new CallContext(caller, IsValidCorrelationId(correlationId) ? correlationId! : CallContext.NewCorrelationId());
    }

    /// <summary>Correlation ids come from outside; accept only short, printable tokens so they are safe in logs.</summary>
    public static bool IsValidCorrelationId(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static void SetIfAbsent(Metadata headers, string key, string value)
    {
        if (headers.Get(key) is null)
            headers.Add(key, value);
    }
}
