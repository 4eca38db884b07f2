using FluentValidation;

namespace Marketplace.Modules.Sellers.Stores.UpdateStore;

/// <summary>The fields given are checked as at creation; absent fields are not checked.</summary>
internal sealed class UpdateStoreValidator : AbstractValidator<UpdateStoreCommand>
{
    public UpdateStoreValidator()
    {
        RuleFor(c => c.Name!).StoreName().When(c => c.Name is not null);
        RuleFor(c => c.Slug!).StoreSlug().When(c => c.Slug is not null);
        RuleFor(c => c.Description!).StoreDescription().When(c => c.Description is not null);
        RuleFor(c => c.ContactEmail!).ContactEmail().When(c => c.ContactEmail is not null);
        RuleFor(c => c.ContactPhone!).ContactPhone().When(c => c.ContactPhone is not null);
        RuleFor(c => c.Address!).StoreAddress().When(c => c.Address is not null);
        RuleFor(c => c.Location!).ValidCoordinates().When(c => c.Location is not null);
        RuleFor(c => c.ServiceRadiusKm!.Value).ServiceRadius().When(c => c.ServiceRadiusKm is not null).OverridePropertyName("serviceRadiusKm");
        RuleFor(c => c.Categories!).StoreCategories().When(c => c.Categories is not null);
        RuleFor(c => c.OpeningHours!).OpeningHours().When(c => c.OpeningHours is not null);
        RuleFor(c => c.Logo!).MediaReferenceOrEmpty().When(c => c.Logo is not null);
        RuleFor(c => c.Banner!).MediaReferenceOrEmpty().When(c => c.Banner is not null);
    }
}
