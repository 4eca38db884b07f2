using FluentValidation;
using Marketplace.Modules.Catalog.Products.GetProducts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Catalog.Products.GetVariants;

internal sealed class GetVariantsValidator : AbstractValidator<GetVariantsQuery>
{
    public GetVariantsValidator() =>
        RuleFor(q => q.Ids.Count).LessThanOrEqualTo(GetProductsValidator.MaxBatch)
            .WithErrorCode(CommonErrorCodes.TooManyIds).WithMessage($"Ask for at most {GetProductsValidator.MaxBatch} variants at once.")
            .OverridePropertyName("ids");
}
