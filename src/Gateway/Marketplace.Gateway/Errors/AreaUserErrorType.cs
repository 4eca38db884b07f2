using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Gateway.Errors;

/// <summary><c>&lt;Prefix&gt;UserError</c>: a <c>UserError</c> whose <c>code</c> is the area's enum.</summary>
public sealed class AreaUserErrorType<TArea> : ObjectGraphType<UserError>
    where TArea : IErrorCodeArea
{
    public AreaUserErrorType()
    {
        Name = TArea.Prefix + "UserError";
        Description = $"An expected failure of {ErrorCodeCatalog<TArea>.Noun} mutation, with its code.";
        Interface<UserErrorInterface>();
        IsTypeOf = value => value is UserError;
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field")
            .Description("Path to the input field at fault, e.g. [\"input\", \"name\"]; null when not about one field.")
            .Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong, for people.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<ErrorCodeEnumType<TArea>>>("code")
            .Description("Stable, machine-readable reason.")
            .Resolve(c =>
            {
                if (ErrorCodeCatalog<TArea>.Values.Contains(c.Source.Code))
                    return c.Source.Code;
                // A module reported a code its Contracts do not declare: a bug (a test checks for it), not the user's problem.
                c.RequestServices?.GetService<ILogger<AreaUserErrorType<TArea>>>()?.LogError(
                    "Undeclared error code {Code} in {Type}; answering {Fallback}", c.Source.Code, TArea.Prefix + "UserError", CommonErrorCodes.Invalid);
                return CommonErrorCodes.Invalid;
            });
        Field<IntGraphType>("retryAfterSeconds")
            .Description("When the failure is a rate limit: seconds to wait before trying again; null otherwise.")
            .Resolve(c => c.Source.RetryAfterSeconds);
    }
}
