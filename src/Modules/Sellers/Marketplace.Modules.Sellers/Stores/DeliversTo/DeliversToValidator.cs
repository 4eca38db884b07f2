using FluentValidation;

namespace Marketplace.Modules.Sellers.Stores.DeliversTo;

internal sealed class DeliversToValidator : AbstractValidator<DeliversToQuery>
{
    public DeliversToValidator() => RuleFor(q => q.Location).ValidCoordinates();
}
