using Grpc.Core;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// An expected failure of a mutation (bad input, a rule of the domain), returned in the payload's <c>userErrors</c>
/// rather than as a top-level error. <see cref="Field"/> is the path to the input field; <see cref="RetryAfterSeconds"/>
/// is set when the failure is a rate limit.
/// </summary>
public sealed record UserError(IReadOnlyList<string>? Field, string Code, string Message, int? RetryAfterSeconds = null);

/// <summary>Contract errors as <see cref="UserError"/>s.</summary>
public static class UserErrors
{
    public static IReadOnlyList<UserError> From(RpcException exception)
    {
        var violations = exception.FieldViolations();
        if (violations.Count > 0)
        {
            return violations
                .Select(v => new UserError(
                    string.IsNullOrEmpty(v.Field) ? null : ["input", .. v.Field.Split('.')],
                    string.IsNullOrEmpty(v.Code) ? CommonErrorCodes.Invalid : v.Code,
                    v.Message))
                .ToList();
        }

        var retryAfter = exception.RetryAfter() is { } wait ? (int?)Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null;
        return [new UserError(null, exception.Reason() ?? exception.StatusCode.ToString().ToUpperInvariant(), exception.Status.Detail, retryAfter)];
    }
}
