using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.Contracts;
using ContractStore = Marketplace.Modules.Sellers.Contracts.V1.Store;
using GeoPoint = Marketplace.Shared.Contracts.V1.GeoPoint;
using OpeningInterval = Marketplace.Modules.Sellers.Contracts.V1.OpeningInterval;

namespace Marketplace.Modules.Sellers.GrpcServices;

/// <summary>What the use cases return, as the contract's messages.</summary>
internal static class SellersMapping
{
    public static ContractStore ToContract(this StoreView view)
    {
        var store = view.Store;
        var contract = new ContractStore
        {
            Id = store.Id.ToString(),
            SellerId = store.SellerId.ToString(),
            Name = store.Name,
            Slug = store.Slug,
            Description = store.Description,
            ContactEmail = store.ContactEmail,
            ContactPhone = store.ContactPhone,
            Address = store.Address,
            Location = new GeoPoint { Latitude = store.Location.Y, Longitude = store.Location.X },
            ServiceRadiusKm = store.ServiceRadiusKm,
            Status = store.Status,
            CreatedAt = Timestamps.Format(store.CreatedAt),
            UpdatedAt = Timestamps.Format(store.UpdatedAt),
            Version = store.Version,
            Categories = { store.Categories },
            OpeningHours = { store.OpeningHours.Select(h => new OpeningInterval { Day = h.Day, Opens = h.Opens, Closes = h.Closes }) },
            Logo = store.Logo ?? "",
            Banner = store.Banner ?? "",
            FollowersCount = store.FollowersCount,
            ViewerIsFollowing = view.ViewerIsFollowing,
        };
        if (store.SuspensionReason is not null && view.ShowSuspensionReason)
            contract.SuspensionReason = store.SuspensionReason;
        return contract;
    }

    public static IEnumerable<ContractStore> ToContract(this IEnumerable<StoreView> views) => views.Select(ToContract);
}
