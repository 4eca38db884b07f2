using Grpc.Core;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Errors;

/// <summary>
/// Shapes every error the gateway writes: a stable <c>extensions.code</c>, the request's correlation id, and
/// for contract errors their reason. Unexpected faults become INTERNAL without exception text unless
/// <see cref="GatewayOptions.ExposeExceptionDetails"/> is on (Development).
/// </summary>
internal sealed partial class GatewayErrorInfoProvider(GatewayRuntime runtime) : IErrorInfoProvider
{
    public const string InternalMessage = "Something went wrong on our side. Quote the correlation id when reporting it.";

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        var (code, message) = Classify(executionError, extensions);
        if (!runtime.Introspection)
            message = WithoutSuggestions(message);
        extensions["code"] = code;
        if (code == ErrorCodes.BadUserInput && !extensions.ContainsKey("fieldViolations"))
            extensions["fieldViolations"] = new[] { Violation(FieldOf(executionError), CommonErrorCodes.Invalid, message) };
        extensions["correlationId"] = CallContext.Current.CorrelationId;
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    /// <summary>
    /// Every BAD_USER_INPUT names the input at fault (docs/graphql.md): errors of GraphQL.NET's variable coercion and
    /// literal parsing name it only in their message ("Variable '$input.name' is invalid", "Invalid literal for argument
    /// 'slug'"), so the field is read from there; null when nothing names one.
    /// </summary>
    private static string? FieldOf(ExecutionError error)
    {
        var variable = VariableInMessage().Match(error.Message);
        if (variable.Success)
            return variable.Groups[1].Value;
        var argument = ArgumentInMessage().Match(error.Message);
        return argument.Success ? argument.Groups[1].Value : null;
    }

    private static Dictionary<string, object?> Violation(string? field, string code, string message) =>
        new() { ["field"] = field, ["code"] = code, ["message"] = message };

    [System.Text.RegularExpressions.GeneratedRegex(@"Variable '\$([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex VariableInMessage();

    [System.Text.RegularExpressions.GeneratedRegex(@"argument '([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex ArgumentInMessage();

    private (string Code, string Message) Classify(ExecutionError error, Dictionary<string, object?> extensions)
    {
        if (FindRpc(error) is { } rpc)
            return FromContract(rpc, extensions);

        switch (error)
        {
            case InputError input:
                extensions["fieldViolations"] = new[] { Violation(input.Field, input.FieldCode, input.Message) };
                return (ErrorCodes.BadUserInput, input.Message);
            case GatewayError gateway:
                foreach (var (key, value) in gateway.Details ?? new Dictionary<string, object?>())
                    extensions[key] = value;
                return (error.Code ?? ErrorCodes.Internal, error.Message);
            case SyntaxError:
                return (ErrorCodes.ParseFailed, error.Message);
            case InvalidVariableError when Innermost(error) is FormatException format:
                // Our scalars explain what they expect (e.g. Decimal as a string); keep that explanation.
                return (ErrorCodes.BadUserInput, $"{error.Message.Split(". ")[0]}. {format.Message}");
            case InvalidVariableError:
                return (ErrorCodes.BadUserInput, error.Message);
            case ValidationError when Innermost(error) is FormatException:
                // A literal our scalars refused ("Invalid literal for argument 'slug' of field 'category'. Text may not
                // contain control characters…"): bad input like the same value in a variable, not a schema mismatch.
                return (ErrorCodes.BadUserInput, error.Message);
            case ComplexityError:
                return (error.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? ErrorCodes.QueryTooDeep : ErrorCodes.QueryTooComplex, error.Message);
            case NoIntrospectionError:
                return (ErrorCodes.IntrospectionDisabled, "Introspection is disabled on this server.");
            case ValidationError when error.Code is ErrorCodes.TooManyAliases or ErrorCodes.QueryTooDeep:
                // Our own limit rules (AliasLimitRule, IntrospectionRules) name their code.
                return (error.Code, error.Message);
            case ValidationError:
                return (ErrorCodes.ValidationFailed, error.Message);
            case TimeoutError:
                return (ErrorCodes.Timeout, "The operation took too long and was stopped.");
            case UnhandledError or { InnerException: not null }:
                if (runtime.ExposeExceptionDetails && error.InnerException is { } exception)
                    extensions["exception"] = $"{exception.GetType().Name}: {exception.Message}";
                return (ErrorCodes.Internal, InternalMessage);
            default:
                // Errors GraphQL.NET raises during execution (e.g. a null in a non-null field) carry no secrets.
                return (error.Code ?? ErrorCodes.Internal, error.Message);
        }
    }

    /// <summary>
    /// "Cannot query field 'viewr' on type 'Query'. Did you mean 'viewer'?": where introspection is off (by default
    /// outside Development) the schema is not published, so validation must not spell it out name by name either.
    /// </summary>
    private static string WithoutSuggestions(string message)
    {
        var at = message.IndexOf(" Did you mean ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private (string Code, string Message) FromContract(RpcException rpc, Dictionary<string, object?> extensions)
    {
        var code = rpc.StatusCode switch
        {
            StatusCode.Unauthenticated => ErrorCodes.Unauthenticated,
            StatusCode.PermissionDenied => ErrorCodes.Forbidden,
            StatusCode.NotFound => ErrorCodes.NotFound,
            StatusCode.InvalidArgument or StatusCode.OutOfRange => ErrorCodes.BadUserInput,
            StatusCode.ResourceExhausted => ErrorCodes.ResourceExhausted,
            StatusCode.AlreadyExists => ErrorCodes.Conflict,
            StatusCode.FailedPrecondition => ErrorCodes.FailedPrecondition,
            StatusCode.DeadlineExceeded => ErrorCodes.Timeout,
            StatusCode.Unavailable => ErrorCodes.Unavailable,
            _ => ErrorCodes.Internal,
        };
        if (code == ErrorCodes.Internal)
        {
            if (runtime.ExposeExceptionDetails)
                extensions["exception"] = $"{rpc.StatusCode}: {rpc.Status.Detail}";
            return (code, InternalMessage);
        }

        if (rpc.Reason() is { } reason)
            extensions["reason"] = reason;
        // SERVICE_UNAVAILABLE / SERVICE_TIMEOUT: which module (in another process) the field needed.
        if (rpc.Module() is { } module)
            extensions["module"] = module;
        if (rpc.RetryAfter() is { } retryAfter)
            extensions["retryAfterSeconds"] = (int)Math.Ceiling(retryAfter.TotalSeconds);
        var violations = rpc.FieldViolations();
        if (violations.Count > 0)
            extensions["fieldViolations"] = violations.Select(v => new Dictionary<string, object?> { ["field"] = v.Field, ["code"] = v.Code, ["message"] = v.Message }).ToList();
        // Contract messages are written for API users by the module (never exception text).
        return (code, rpc.Status.Detail);
    }

    private static Exception Innermost(Exception error)
    {
        var current = error;
        while (current.InnerException is not null)
            current = current.InnerException;
        return current;
    }

    private static RpcException? FindRpc(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is RpcException rpc)
                return rpc;
        }

        return null;
    }
}
