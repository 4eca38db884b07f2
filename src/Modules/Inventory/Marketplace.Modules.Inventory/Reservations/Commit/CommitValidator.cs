using FluentValidation;
using Marketplace.Modules.Inventory.Stock;

namespace Marketplace.Modules.Inventory.Reservations.Commit;

internal sealed class CommitValidator : AbstractValidator<CommitCommand>
{
    public CommitValidator()
    {
        RuleFor(c => c.HolderId).Reference("holder id");
        RuleFor(c => c.OrderId).Reference("order id");
    }
}
