using GraphQL;

namespace Marketplace.Gateway.Errors;

/// <summary>The values of <c>extensions.code</c> clients can rely on (docs/graphql.md lists them).</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string ResourceExhausted = "RESOURCE_EXHAUSTED";
    public const string Internal = "INTERNAL";
    public const string Unavailable = "UNAVAILABLE";
    public const string Conflict = "CONFLICT";
    public const string FailedPrecondition = "FAILED_PRECONDITION";
    public const string Timeout = "TIMEOUT";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadRequest = "BAD_REQUEST";
    public const string QueryTooDeep = "QUERY_TOO_DEEP";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string QueryTooLarge = "QUERY_TOO_LARGE";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    public const string RateLimited = "RATE_LIMITED";
}

/// <summary>An error the gateway raises on purpose, with its <c>extensions.code</c>.</summary>
public sealed class GatewayError : ExecutionError
{
    public GatewayError(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>More <c>extensions</c> for the client (e.g. <c>retryAfterSeconds</c>).</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }
}
