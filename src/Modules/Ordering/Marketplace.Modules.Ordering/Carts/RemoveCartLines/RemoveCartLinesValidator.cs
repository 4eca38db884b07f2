using FluentValidation;

namespace Marketplace.Modules.Ordering.Carts.RemoveCartLines;

internal sealed class RemoveCartLinesValidator : AbstractValidator<RemoveCartLinesCommand>
{
    public RemoveCartLinesValidator() => RuleFor(c => c.VariantIds).VariantIds();
}
