using FluentValidation;

namespace Marketplace.Modules.Sellers.Stores.SuspendStore;

internal sealed class SuspendStoreValidator : AbstractValidator<SuspendStoreCommand>
{
    public SuspendStoreValidator() => RuleFor(c => c.Reason).SuspensionReason();
}
