using FluentValidation;
using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Inventory.Stock;

/// <summary>Validation rules shared by the use cases: lines, quantities, references.</summary>
internal static class StockLineRules
{
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<StockLineInput>> Lines<T>(this IRuleBuilder<T, IReadOnlyList<StockLineInput>> rule, int maxLines, bool required) =>
        rule.Custom((lines, context) =>
        {
            if (lines.Count == 0)
            {
                if (required)
                    context.AddFailure(Failure(context.PropertyPath, CommonErrorCodes.Required, "Give at least one line."));
                return;
            }

            if (lines.Count > maxLines)
            {
                context.AddFailure(Failure(context.PropertyPath, InventoryErrorCodes.TooManyLines, $"Give at most {maxLines} lines."));
                return;
            }

            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].VariantId is null)
                    context.AddFailure(Failure($"{context.PropertyPath}.{i}.variantId", CommonErrorCodes.InvalidId, "Not a variant id."));
                if (lines[i].Quantity is < 1 or > InventoryRules.MaxLineQuantity)
                    context.AddFailure(Failure($"{context.PropertyPath}.{i}.quantity", InventoryErrorCodes.InvalidQuantity, $"A quantity is 1 to {InventoryRules.MaxLineQuantity}."));
            }
        });

    public static IRuleBuilderOptions<T, string> Reference<T>(this IRuleBuilder<T, string> rule, string what) =>
        rule.NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage($"Give the {what}.")
            .MaximumLength(InventoryRules.MaxReferenceLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {InventoryRules.MaxReferenceLength} characters.");

    public static IRuleBuilderOptions<T, string> Note<T>(this IRuleBuilder<T, string> rule) =>
        rule.MaximumLength(InventoryRules.MaxNoteLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {InventoryRules.MaxNoteLength} characters.");

    public static IRuleBuilderOptions<T, int> Count<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(0, InventoryRules.MaxOnHand).WithErrorCode(InventoryErrorCodes.InvalidQuantity).WithMessage($"Use 0 to {InventoryRules.MaxOnHand}.");

    private static FluentValidation.Results.ValidationFailure Failure(string path, string code, string message) => new(path, message) { ErrorCode = code };
}
