using FluentValidation;
using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Payments;

namespace Marketplace.Modules.Sellers.Payouts.AdjustLedger;

internal sealed class AdjustLedgerValidator : AbstractValidator<AdjustLedgerCommand>
{
    public AdjustLedgerValidator()
    {
        RuleFor(c => c.CurrencyCode).Must(CurrencyUnits.IsKnown)
            .WithErrorCode(PayoutErrorCodes.InvalidCurrency).WithMessage("Give an ISO 4217 code in upper case, e.g. EUR.");
        RuleFor(c => c.Amount).Must((c, _) => c.AmountMinor is not null).When(c => CurrencyUnits.IsKnown(c.CurrencyCode))
            .WithErrorCode(PayoutErrorCodes.InvalidAmount)
            .WithMessage(c => $"Give a non-zero amount with at most {CurrencyUnits.DecimalsOf(c.CurrencyCode)} decimals for {c.CurrencyCode}, e.g. \"-12.50\".");
        RuleFor(c => c.Reason)
            .NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("Say why the balance is adjusted.")
            .MaximumLength(PayoutRules.MaxReasonLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {PayoutRules.MaxReasonLength} characters.");
        RuleFor(c => c.IdempotencyKey)
            .MaximumLength(PayoutRules.MaxIdempotencyKeyLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {PayoutRules.MaxIdempotencyKeyLength} characters.");
    }
}
