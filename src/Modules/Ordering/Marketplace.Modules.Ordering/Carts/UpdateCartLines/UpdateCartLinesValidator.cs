using FluentValidation;

namespace Marketplace.Modules.Ordering.Carts.UpdateCartLines;

internal sealed class UpdateCartLinesValidator : AbstractValidator<UpdateCartLinesCommand>
{
    public UpdateCartLinesValidator() => RuleFor(c => c.Lines).CartLines(minQuantity: 0);
}
