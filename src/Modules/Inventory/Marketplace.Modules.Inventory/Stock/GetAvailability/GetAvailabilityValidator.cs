using FluentValidation;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Inventory.Stock.GetAvailability;

internal sealed class GetAvailabilityValidator : AbstractValidator<GetAvailabilityQuery>
{
    public GetAvailabilityValidator() =>
        RuleFor(q => q.VariantIds.Count).LessThanOrEqualTo(InventoryRules.MaxBatch)
            .WithErrorCode(CommonErrorCodes.TooManyIds).WithMessage($"Ask for at most {InventoryRules.MaxBatch} variants at once.")
            .OverridePropertyName("variantIds");
}
