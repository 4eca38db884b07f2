using FluentValidation;
using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Domain;

namespace Marketplace.Modules.Inventory.Stock.UpdateStockSettings;

internal sealed class UpdateStockSettingsValidator : AbstractValidator<UpdateStockSettingsCommand>
{
    public UpdateStockSettingsValidator()
    {
        RuleFor(c => c.LowStockThreshold!.Value).Count().When(c => c.LowStockThreshold is not null).OverridePropertyName("lowStockThreshold");
        RuleFor(c => c.SafetyStock!.Value).Count().When(c => c.SafetyStock is not null).OverridePropertyName("safetyStock");
        RuleFor(c => c.Policy!).Must(InventoryPolicy.IsValid).When(c => c.Policy is not null)
            .WithErrorCode(InventoryErrorCodes.InvalidPolicy).WithMessage("The policy is DENY or CONTINUE.");
    }
}
