using FluentValidation;
using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Domain;

namespace Marketplace.Modules.Inventory.Stock.SetOnHand;

internal sealed class SetOnHandValidator : AbstractValidator<SetOnHandCommand>
{
    public SetOnHandValidator()
    {
        RuleFor(c => c.OnHand).Count();
        RuleFor(c => c.ExpectedOnHand!.Value).Count().When(c => c.ExpectedOnHand is not null).OverridePropertyName("expectedOnHand");
        RuleFor(c => c.Reason).Must(r => r != AdjustReason.Received && AdjustReason.All.Contains(r))
            .WithErrorCode(InventoryErrorCodes.InvalidReason).WithMessage("A count is a CORRECTION, CYCLE_COUNT, DAMAGED, SHRINKAGE, RETURNED or OTHER (receive stock with an adjustment).");
        RuleFor(c => c.Note).Note();
    }
}
