using FluentValidation;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Inventory.Reservations.Restock;

internal sealed class RestockValidator : AbstractValidator<RestockCommand>
{
    public RestockValidator(InventoryOptions options)
    {
        RuleFor(c => c.OrderId).Reference("order id");
        RuleFor(c => c.Reference).Reference("restock reference");
        RuleFor(c => c.Source).Must(s => s is RestockSource.Unfulfilled or RestockSource.Fulfilled)
            .WithErrorCode(CommonErrorCodes.Required).WithMessage("Say whether cancelled (UNFULFILLED) or returned (FULFILLED) units come back.");
        RuleFor(c => c.Lines).Lines(options.Reservations.MaxLines, required: false);
    }
}
