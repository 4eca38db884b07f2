using FluentValidation;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;

namespace Marketplace.Modules.Ordering.Orders.ListOrders;

internal sealed class ListOrdersValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersValidator() =>
        RuleFor(q => q.Status).Must(s => OrderStatus.All.Contains(s!)).When(q => q.Status is not null)
            .WithErrorCode(OrderingErrorCodes.InvalidStatus).WithMessage($"One of {string.Join(", ", OrderStatus.All)}.");
}
