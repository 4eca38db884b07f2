using FluentValidation;
using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;

namespace Marketplace.Modules.Sellers.Stores.StoresNear;

internal sealed class StoresNearValidator : AbstractValidator<StoresNearQuery>
{
    public StoresNearValidator()
    {
        RuleFor(q => q.Location).ValidCoordinates();
        RuleFor(q => q.RadiusKm).Must(r => r is > 0 and <= StoreRules.MaxSearchRadiusKm)
            .WithErrorCode(SellersErrorCodes.InvalidRadius).WithMessage($"Use a radius above 0 and at most {StoreRules.MaxSearchRadiusKm} km.");
    }
}
