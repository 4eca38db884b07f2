using FluentValidation;

namespace Marketplace.Modules.Ordering.Carts.AddCartLines;

internal sealed class AddCartLinesValidator : AbstractValidator<AddCartLinesCommand>
{
    public AddCartLinesValidator() => RuleFor(c => c.Lines).CartLines(minQuantity: 1);
}
