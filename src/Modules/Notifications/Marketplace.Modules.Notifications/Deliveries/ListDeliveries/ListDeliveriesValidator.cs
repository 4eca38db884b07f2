using FluentValidation;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Notifications.Deliveries.ListDeliveries;

internal sealed class ListDeliveriesValidator : AbstractValidator<ListDeliveriesQuery>
{
    public ListDeliveriesValidator()
    {
        RuleFor(q => q.State).Must(s => s.Length == 0 || WireNames.ParseState(s) is not null)
            .WithErrorCode(NotificationsErrorCodes.InvalidState).WithMessage("One of QUEUED, SENDING, RETRYING, SENT, FAILED.");
        RuleFor(q => q.NotificationId).Must(id => id.Length == 0 || Guid.TryParse(id, out _))
            .WithErrorCode(CommonErrorCodes.InvalidId).WithMessage("Not a notification id.");
        RuleFor(q => q.After).Must(a => a.Length == 0 || Guid.TryParse(a, out _))
            .WithErrorCode(CommonErrorCodes.InvalidCursor).WithMessage("The cursor is not one this API returned.");
    }
}
