using FluentValidation;
using FluentValidation.Results;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Ordering.Carts;

/// <summary>The validation rules of the cart's use cases: how many lines, well-formed ids, quantities in range.</summary>
internal static class CartLineRules
{
    /// <summary>Lines of cartLinesAdd (quantity 1 to 99) or cartLinesUpdate (0 to 99: 0 removes).</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<CartLineEdit>> CartLines<T>(this IRuleBuilder<T, IReadOnlyList<CartLineEdit>> rule, int minQuantity) =>
        rule.Custom((lines, context) =>
        {
            if (lines.Count == 0)
            {
                context.AddFailure(Failure(context.PropertyPath, CommonErrorCodes.Required, "Give at least one line."));
                return;
            }

            if (lines.Count > OrderingRules.MaxLines)
            {
                context.AddFailure(Failure(context.PropertyPath, OrderingErrorCodes.TooManyLines, $"Give at most {OrderingRules.MaxLines} lines."));
                return;
            }

            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].VariantId is null)
                    context.AddFailure(Failure($"{context.PropertyPath}.{i}.variantId", CommonErrorCodes.InvalidId, "Not a variant id."));
                if (lines[i].Quantity < minQuantity || lines[i].Quantity > OrderingRules.MaxQuantity)
                    context.AddFailure(Failure($"{context.PropertyPath}.{i}.quantity", OrderingErrorCodes.InvalidQuantity, $"A quantity is {minQuantity} to {OrderingRules.MaxQuantity}."));
            }
        });

    /// <summary>Variant ids of cartLinesRemove.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<Guid?>> VariantIds<T>(this IRuleBuilder<T, IReadOnlyList<Guid?>> rule) =>
        rule.Custom((ids, context) =>
        {
            if (ids.Count == 0)
            {
                context.AddFailure(Failure(context.PropertyPath, CommonErrorCodes.Required, "Give at least one variant."));
                return;
            }

            if (ids.Count > OrderingRules.MaxLines)
            {
                context.AddFailure(Failure(context.PropertyPath, OrderingErrorCodes.TooManyLines, $"Give at most {OrderingRules.MaxLines} variants."));
                return;
            }

            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i] is null)
                    context.AddFailure(Failure($"{context.PropertyPath}.{i}", CommonErrorCodes.InvalidId, "Not a variant id."));
            }
        });

    private static ValidationFailure Failure(string path, string code, string message) => new(path, message) { ErrorCode = code };
}
