using FluentValidation;
using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Payments;

namespace Marketplace.Modules.Sellers.Payouts.SetStoreCommissionRate;

internal sealed class SetStoreCommissionRateValidator : AbstractValidator<SetStoreCommissionRateCommand>
{
    public SetStoreCommissionRateValidator() =>
        RuleFor(c => c.Rate).Must(r => CurrencyUnits.TryParse(r!, out var rate) && PayoutRules.IsValidRate(rate)).When(c => c.Rate is not null)
            .WithErrorCode(PayoutErrorCodes.InvalidRate).WithMessage($"Give a rate from 0 to 1 with at most {PayoutRules.RateDecimals} decimals, e.g. \"0.085\".");
}
