using FluentValidation;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Sellers.Payouts.MarkPayoutFailed;

internal sealed class MarkPayoutFailedValidator : AbstractValidator<MarkPayoutFailedCommand>
{
    public MarkPayoutFailedValidator() =>
        RuleFor(c => c.Reason)
            .NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("Say why the payout failed.")
            .MaximumLength(PayoutRules.MaxReasonLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {PayoutRules.MaxReasonLength} characters.");
}
