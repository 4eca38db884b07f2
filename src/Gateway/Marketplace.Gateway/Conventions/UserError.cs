using Grpc.Core;
using GraphQL.Types;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// An expected failure of a mutation (bad input, a rule of the domain), returned in the payload's
/// <c>userErrors</c> rather than as a top-level error. <see cref="Field"/> is the path to the input field.
/// </summary>
public sealed record UserError(IReadOnlyList<string>? Field, string Code, string Message)
{
    /// <summary>For a refused rate or budget: seconds to wait, from the contract error's RetryInfo (not in the schema yet).</summary>
    public int? RetryAfterSeconds { get; init; }
}

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "An expected failure of a mutation, e.g. invalid input. Shown to the user.";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field")
            .Description("Path to the input field at fault, e.g. [\"input\", \"lines\", \"0\", \"quantity\"]; null when not about one field.")
            .Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("code").Description("Stable, machine-readable code.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}

/// <summary>The payload convention: expected contract failures become <see cref="UserError"/>s.</summary>
public static class UserErrors
{
    /// <summary>
    /// Runs a mutation's contract call; InvalidArgument (with its field violations), FailedPrecondition and
    /// AlreadyExists come back as <paramref name="failed"/>'s payload. Anything else stays a top-level error.
    /// </summary>
    public static async Task<TPayload> CatchAsync<TPayload>(Func<Task<TPayload>> run, Func<IReadOnlyList<UserError>, TPayload> failed)
    {
        try
        {
            return await run();
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists)
        {
            return failed(From(exception));
        }
    }

    public static IReadOnlyList<UserError> From(RpcException exception)
    {
        var violations = exception.FieldViolations();
        if (violations.Count > 0)
        {
            return violations
                .Select(v => new UserError(
                    string.IsNullOrEmpty(v.Field) ? null : ["input", .. v.Field.Split('.')],
                    string.IsNullOrEmpty(v.Code) ? "INVALID" : v.Code,
                    v.Message))
                .ToList();
        }

        return [new UserError(null, exception.Reason() ?? exception.StatusCode.ToString().ToUpperInvariant(), exception.Status.Detail)];
    }
}
