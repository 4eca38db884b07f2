using FluentValidation;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Inventory.Stock.GetStockLevels;

internal sealed class GetStockLevelsValidator : AbstractValidator<GetStockLevelsQuery>
{
    public GetStockLevelsValidator() =>
        RuleFor(q => q.VariantIds.Count).LessThanOrEqualTo(InventoryRules.MaxBatch)
            .WithErrorCode(CommonErrorCodes.TooManyIds).WithMessage($"Ask for at most {InventoryRules.MaxBatch} variants at once.")
            .OverridePropertyName("variantIds");
}
