using FluentValidation;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Catalog.Products.UpdateVariants;

/// <summary>At least one variant; the resulting set is checked by the handler against the product's options and variants.</summary>
internal sealed class UpdateVariantsValidator : AbstractValidator<UpdateVariantsCommand>
{
    public UpdateVariantsValidator() =>
        RuleFor(c => c.Variants).NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("Name at least one variant to change.");
}
