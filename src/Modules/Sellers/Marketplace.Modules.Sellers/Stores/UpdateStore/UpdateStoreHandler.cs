using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Media;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Stores.UpdateStore;

/// <summary>
/// Applies a seller's edit on the locked row (concurrent edits apply one after the other and none is lost). An edit that
/// changes nothing changes nothing: no new version, no event. A changed listing fact (name, slug, location, service
/// radius) publishes <c>store_updated.v1</c>; a changed logo or banner <c>store_media_changed.v1</c>; other fields only
/// raise the version.
/// </summary>
internal sealed class UpdateStoreHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<UpdateStoreCommand, StoreView>
{
    public async ValueTask<StoreView> Handle(UpdateStoreCommand command, CancellationToken cancellationToken)
    {
        var store = await db.LockOwnedAsync(command.StoreId, command.SellerId, cancellationToken);
        if (command.ExpectedVersion > 0 && command.ExpectedVersion != store.Version)
            throw ContractError.FailedPrecondition(SellersErrorCodes.VersionConflict, $"The store changed since version {command.ExpectedVersion} (it is at {store.Version}); reload it and try again.");

        var name = command.Name ?? store.Name;
        var slug = command.Slug ?? store.Slug;
        var description = command.Description ?? store.Description;
        var email = command.ContactEmail ?? store.ContactEmail;
        var phone = command.ContactPhone ?? store.ContactPhone;
        var address = command.Address ?? store.Address;
        var radius = command.ServiceRadiusKm ?? store.ServiceRadiusKm;
        var categories = command.Categories?.ToList() ?? store.Categories;
        var hours = command.OpeningHours is null ? store.OpeningHours : OpeningHoursRule.Normalise(command.OpeningHours);
        var logo = command.Logo is null ? store.Logo : Reference(command.Logo);
        var banner = command.Banner is null ? store.Banner : Reference(command.Banner);
        var moved = command.Location is { } location && (location.Latitude != store.Location.Y || location.Longitude != store.Location.X);

        if (slug != store.Slug && await db.Stores.AnyAsync(s => s.Slug == slug && s.Id != store.Id, cancellationToken))
            throw StoreRows.SlugTaken();

        var listingChanged = name != store.Name || slug != store.Slug || moved || radius != store.ServiceRadiusKm;
        var changed = listingChanged
            || description != store.Description || email != store.ContactEmail || phone != store.ContactPhone || address != store.Address
            || !categories.SequenceEqual(store.Categories) || !hours.SequenceEqual(store.OpeningHours) || logo != store.Logo || banner != store.Banner;
        if (!changed)
            return new StoreView(store, await FollowsAsync(command, cancellationToken), ShowSuspensionReason: true);

        store.Name = name;
        store.Slug = slug;
        store.Description = description;
        store.ContactEmail = email;
        store.ContactPhone = phone;
        store.Address = address;
        if (moved)
            store.Location = StoreGeography.Point(command.Location!);
        store.ServiceRadiusKm = radius;
        store.Categories = categories;
        store.OpeningHours = hours;
        var mediaChanged = logo != store.Logo || banner != store.Banner;
        store.Logo = logo;
        store.Banner = banner;
        StoreVersions.Next(db, store, clock, publish: listingChanged);
        if (mediaChanged)
            StoreMedia.Publish(db, store, store.UpdatedAt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (StoreRows.IsSlugConflict(exception))
        {
            throw StoreRows.SlugTaken();
        }

        return new StoreView(store, await FollowsAsync(command, cancellationToken), ShowSuspensionReason: true);
    }

    private Task<bool> FollowsAsync(UpdateStoreCommand command, CancellationToken cancellationToken) =>
        db.Follows.AnyAsync(f => f.UserId == command.SellerId && f.StoreId == command.StoreId, cancellationToken);

    private static string? Reference(string text) => MediaReference.TryParse(text, out var reference, out _) ? reference.Value : null;
}
