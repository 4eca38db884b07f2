using FluentValidation;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle.ChangeOrderStatus;

internal sealed class ChangeOrderStatusValidator : AbstractValidator<ChangeOrderStatusCommand>
{
    public const int MaxReasonLength = 500;

    public ChangeOrderStatusValidator()
    {
        RuleFor(c => c.Reason).MaximumLength(MaxReasonLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"At most {MaxReasonLength} characters.");
    }
}
