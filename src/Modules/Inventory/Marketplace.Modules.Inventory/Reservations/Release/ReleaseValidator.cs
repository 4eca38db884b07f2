using FluentValidation;
using Marketplace.Modules.Inventory.Stock;

namespace Marketplace.Modules.Inventory.Reservations.Release;

internal sealed class ReleaseValidator : AbstractValidator<ReleaseCommand>
{
    public ReleaseValidator() => RuleFor(c => c.HolderId).Reference("holder id");
}
