using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Sellers.Domain;
using Mediator;

namespace Marketplace.Modules.Sellers.Stores.CreateStore;

/// <summary>A seller opens a store. An empty <see cref="Slug"/> means "generate one from the name".</summary>
internal sealed record CreateStoreCommand(
    Guid SellerId,
    string Name,
    string Slug,
    string Description,
    string ContactEmail,
    string ContactPhone,
    string Address,
    Coordinates? Location,
    double ServiceRadiusKm,
    IReadOnlyList<string> Categories,
    IReadOnlyList<OpeningIntervalInput> OpeningHours,
    string Logo,
    string Banner) : ICommand<StoreView>
{
    public static CreateStoreCommand From(Guid sellerId, CreateStoreRequest request) => new(
        sellerId,
        StoreInput.Text(request.Name),
        StoreInput.Lower(request.Slug),
        StoreInput.Text(request.Description),
        StoreInput.Lower(request.ContactEmail),
        StoreInput.Text(request.ContactPhone),
        StoreInput.Text(request.Address),
        StoreInput.Point(request.Location),
        request.ServiceRadiusKm,
        StoreInput.Categories(request.Categories),
        StoreInput.Hours(request.OpeningHours),
        StoreInput.Text(request.Logo),
        StoreInput.Text(request.Banner));
}
