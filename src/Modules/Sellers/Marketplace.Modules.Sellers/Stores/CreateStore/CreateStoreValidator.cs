using FluentValidation;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Sellers.Stores.CreateStore;

internal sealed class CreateStoreValidator : AbstractValidator<CreateStoreCommand>
{
    public CreateStoreValidator()
    {
        RuleFor(c => c.Name).StoreName();
        RuleFor(c => c.Slug).StoreSlug().When(c => c.Slug.Length > 0);
        RuleFor(c => c.Description).StoreDescription();
        RuleFor(c => c.ContactEmail).ContactEmail();
        RuleFor(c => c.ContactPhone).ContactPhone();
        RuleFor(c => c.Address).StoreAddress();
        RuleFor(c => c.Location).NotNull().WithErrorCode(CommonErrorCodes.Required).WithMessage("A store needs a location.");
        RuleFor(c => c.Location!).ValidCoordinates().When(c => c.Location is not null);
        RuleFor(c => c.ServiceRadiusKm).ServiceRadius();
        RuleFor(c => c.Categories).StoreCategories();
        RuleFor(c => c.OpeningHours).OpeningHours();
        RuleFor(c => c.Logo).MediaReferenceOrEmpty();
        RuleFor(c => c.Banner).MediaReferenceOrEmpty();
    }
}
