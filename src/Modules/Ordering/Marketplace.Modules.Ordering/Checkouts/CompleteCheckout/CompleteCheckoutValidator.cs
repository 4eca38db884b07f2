using FluentValidation;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Ordering.Checkouts.CompleteCheckout;

internal sealed class CompleteCheckoutValidator : AbstractValidator<CompleteCheckoutCommand>
{
    public CompleteCheckoutValidator()
    {
        RuleFor(c => c.CheckoutId).NotNull().OverridePropertyName("checkoutId")
            .WithErrorCode(OrderingErrorCodes.CheckoutNotFound).WithMessage("No such checkout.");
        RuleFor(c => c.IdempotencyKey).NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("Give an idempotency key (send the same one to retry).");
        RuleFor(c => c.IdempotencyKey).MaximumLength(OrderingRules.MaxIdempotencyKeyLength)
            .WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"At most {OrderingRules.MaxIdempotencyKeyLength} characters.");
        RuleFor(c => c.ExpectedTotal).NotNull().OverridePropertyName("expectedTotal")
            .WithErrorCode(CommonErrorCodes.Invalid).WithMessage("The total you agreed to, as a decimal number (e.g. \"12.50\").");
        RuleFor(c => c.ExpectedTotal).GreaterThanOrEqualTo(0).When(c => c.ExpectedTotal is not null).OverridePropertyName("expectedTotal")
            .WithErrorCode(CommonErrorCodes.Invalid).WithMessage("A total is not negative.");
    }
}
