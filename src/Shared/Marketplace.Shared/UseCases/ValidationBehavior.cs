using FluentValidation;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Shared.UseCases;

/// <summary>
/// Runs every FluentValidation validator of a message before its handler; failures become one
/// <c>InvalidArgument</c> with a field violation each (field path in camelCase, error code, message),
/// which the gateway turns into <c>userErrors</c>.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <summary>The reason of the error: <c>INVALID_INPUT</c>, as every module reports invalid input.</summary>
    public const string Reason = CommonErrorCodes.InvalidInput;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        List<FluentValidation.Results.ValidationFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
                (failures ??= []).AddRange(result.Errors);
        }

        if (failures is not null)
        {
            throw ContractError.InvalidArgument(
                CommonErrorCodes.InvalidInput,
                "The input is not valid.",
                failures.Select(f => new FieldViolation(ToFieldPath(f.PropertyName), f.ErrorMessage, f.ErrorCode)));
        }

        return await next(message, cancellationToken).ConfigureAwait(false);
    }

    // "Address.PostalCode" → "address.postalCode", "Lines[0].Quantity" → "lines.0.quantity": the path as the GraphQL
    // input names it (the gateway prefixes "input").
    internal static string ToFieldPath(string propertyName) =>
        string.Join('.', propertyName.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
            .Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
