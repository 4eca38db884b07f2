using FluentValidation;
using Marketplace.Modules.Inventory.Stock;

namespace Marketplace.Modules.Inventory.Reservations.Fulfil;

internal sealed class FulfilValidator : AbstractValidator<FulfilCommand>
{
    public FulfilValidator(InventoryOptions options)
    {
        RuleFor(c => c.OrderId).Reference("order id");
        RuleFor(c => c.Reference).Reference("fulfilment reference");
        RuleFor(c => c.Lines).Lines(options.Reservations.MaxLines, required: false);
    }
}
