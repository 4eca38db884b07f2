using FluentValidation;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Sellers.Payouts.MarkPayoutPaid;

internal sealed class MarkPayoutPaidValidator : AbstractValidator<MarkPayoutPaidCommand>
{
    public MarkPayoutPaidValidator() =>
        RuleFor(c => c.Reference)
            .NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("Give the payment's reference (e.g. the bank transfer's).")
            .MaximumLength(PayoutRules.MaxReferenceLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {PayoutRules.MaxReferenceLength} characters.");
}
