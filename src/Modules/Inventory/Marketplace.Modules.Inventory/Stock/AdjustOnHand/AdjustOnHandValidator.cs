using FluentValidation;
using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Domain;

namespace Marketplace.Modules.Inventory.Stock.AdjustOnHand;

internal sealed class AdjustOnHandValidator : AbstractValidator<AdjustOnHandCommand>
{
    public AdjustOnHandValidator()
    {
        RuleFor(c => c.Delta).Must(d => d != 0 && Math.Abs((long)d) <= InventoryRules.MaxOnHand)
            .WithErrorCode(InventoryErrorCodes.InvalidQuantity).WithMessage($"A change is a whole number from -{InventoryRules.MaxOnHand} to {InventoryRules.MaxOnHand}, not 0.");
        RuleFor(c => c.Delta).GreaterThan(0).When(c => c.Reason == AdjustReason.Received)
            .WithErrorCode(InventoryErrorCodes.InvalidQuantity).WithMessage("Received stock adds units: give a positive change.");
        RuleFor(c => c.Reason).Must(r => AdjustReason.All.Contains(r))
            .WithErrorCode(InventoryErrorCodes.InvalidReason).WithMessage($"The reason is one of {string.Join(", ", AdjustReason.All)}.");
        RuleFor(c => c.Note).Note();
    }
}
