using FluentValidation;
using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Shared.Payments;

namespace Marketplace.Modules.Sellers.Payouts.RunPayouts;

internal sealed class RunPayoutsValidator : AbstractValidator<RunPayoutsCommand>
{
    public RunPayoutsValidator() =>
        RuleFor(c => c.CurrencyCode).Must(c => c.Length == 0 || CurrencyUnits.IsKnown(c))
            .WithErrorCode(PayoutErrorCodes.InvalidCurrency).WithMessage("Give an ISO 4217 code in upper case, e.g. EUR, or none for every currency.");
}
