using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Sellers.Domain;
using Mediator;

namespace Marketplace.Modules.Sellers.Stores.UpdateStore;

/// <summary>
/// The seller changes some of a store's fields: null means "unchanged". Description, categories, opening hours, logo
/// and banner are cleared by an empty value; the other fields cannot be empty. <see cref="ExpectedVersion"/> above 0
/// applies the change only to that version.
/// </summary>
internal sealed record UpdateStoreCommand(
    Guid SellerId,
    Guid StoreId,
    string? Name,
    string? Slug,
    string? Description,
    string? ContactEmail,
    string? ContactPhone,
    string? Address,
    Coordinates? Location,
    double? ServiceRadiusKm,
    IReadOnlyList<string>? Categories,
    IReadOnlyList<OpeningIntervalInput>? OpeningHours,
    string? Logo,
    string? Banner,
    long ExpectedVersion) : ICommand<StoreView>
{
    public static UpdateStoreCommand From(Guid sellerId, UpdateStoreRequest request) => new(
        sellerId,
        StoreRows.ParseId(request.Id),
        request.HasName ? StoreInput.Text(request.Name) : null,
        request.HasSlug ? StoreInput.Lower(request.Slug) : null,
        request.HasDescription ? StoreInput.Text(request.Description) : null,
        request.HasContactEmail ? StoreInput.Lower(request.ContactEmail) : null,
        request.HasContactPhone ? StoreInput.Text(request.ContactPhone) : null,
        request.HasAddress ? StoreInput.Text(request.Address) : null,
        StoreInput.Point(request.Location),
        request.HasServiceRadiusKm ? request.ServiceRadiusKm : null,
        request.Categories is null ? null : StoreInput.Categories(request.Categories.Values),
        request.OpeningHours is null ? null : StoreInput.Hours(request.OpeningHours.Intervals),
        request.HasLogo ? StoreInput.Text(request.Logo) : null,
        request.HasBanner ? StoreInput.Text(request.Banner) : null,
        request.ExpectedVersion);
}
