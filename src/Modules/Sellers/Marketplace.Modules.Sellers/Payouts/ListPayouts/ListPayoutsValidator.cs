using FluentValidation;
using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Payments;

namespace Marketplace.Modules.Sellers.Payouts.ListPayouts;

internal sealed class ListPayoutsValidator : AbstractValidator<ListPayoutsQuery>
{
    public ListPayoutsValidator()
    {
        RuleFor(q => q.Status).Must(s => s is "" or PayoutStatus.Pending or PayoutStatus.Paid or PayoutStatus.Failed)
            .WithErrorCode(CommonErrorCodes.Invalid).WithMessage("A payout status is PENDING, PAID or FAILED.");
        RuleFor(q => q.CurrencyCode).Must(c => c.Length == 0 || CurrencyUnits.IsKnown(c))
            .WithErrorCode(PayoutErrorCodes.InvalidCurrency).WithMessage("Give an ISO 4217 code in upper case, e.g. EUR.");
    }
}
