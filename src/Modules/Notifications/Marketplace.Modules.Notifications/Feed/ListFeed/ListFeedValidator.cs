using FluentValidation;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Notifications.Feed.ListFeed;

internal sealed class ListFeedValidator : AbstractValidator<ListFeedQuery>
{
    public ListFeedValidator() =>
        RuleFor(q => q.After).Must(a => a.Length == 0 || Guid.TryParse(a, out _))
            .WithErrorCode(CommonErrorCodes.InvalidCursor).WithMessage("The cursor is not one this API returned.");
}
