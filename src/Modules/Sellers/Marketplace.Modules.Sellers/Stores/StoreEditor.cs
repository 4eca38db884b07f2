using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using StoreEntity = Marketplace.Modules.Sellers.Domain.Store;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>
/// Changes to an existing store: the seller's edits and status changes, and an administrator's suspension. Each change
/// locks the store's row (<c>FOR UPDATE</c>) for its transaction, so concurrent edits apply one after the other on the
/// latest state and none is lost; every effective change adds one to <see cref="StoreEntity.Version"/>. A listing fact
/// (name, slug, location, service radius, status) that changed publishes <c>store_updated.v1</c> in the same
/// transaction; changes of other fields only raise the version. A request that changes nothing changes nothing: no
/// new version, no event.
/// </summary>
internal sealed class StoreEditor(SellersDbContext db, TimeProvider clock)
{
    public async Task<StoreEntity> UpdateAsync(Guid sellerId, UpdateStoreRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var store = await LockOwnedAsync(request.Id, sellerId, cancellationToken);

        var violations = new List<FieldViolation>();
        var name = request.HasName ? StoreValidation.Name(request.Name, violations) : store.Name;
        var slug = request.HasSlug ? StoreValidation.Slug(request.Slug, violations) : store.Slug;
        var description = request.HasDescription ? StoreValidation.Description(request.Description, violations) : store.Description;
        var email = request.HasContactEmail ? StoreValidation.ContactEmail(request.ContactEmail, violations) : store.ContactEmail;
        var phone = request.HasContactPhone ? StoreValidation.ContactPhone(request.ContactPhone, violations) : store.ContactPhone;
        var address = request.HasAddress ? StoreValidation.Address(request.Address, violations) : store.Address;
        if (request.Location is not null)
            StoreValidation.Point(request.Location.Latitude, request.Location.Longitude, "location", violations);
        var radius = request.HasServiceRadiusKm ? StoreValidation.ServiceRadius(request.ServiceRadiusKm, violations) : store.ServiceRadiusKm;
        var categories = request.Categories is null ? store.Categories : StoreValidation.Categories(request.Categories.Values, violations);
        var hours = request.OpeningHours is null ? store.OpeningHours : StoreValidation.OpeningHours(request.OpeningHours.Intervals, violations);
        var logo = request.HasLogo ? StoreValidation.Media(request.Logo, "logo", violations) : store.Logo;
        var banner = request.HasBanner ? StoreValidation.Media(request.Banner, "banner", violations) : store.Banner;
        StoreValidation.ThrowIfAny(violations, "The store is not valid.");

        if (request.ExpectedVersion > 0 && request.ExpectedVersion != store.Version)
            throw ContractError.FailedPrecondition("VERSION_CONFLICT", $"The store changed since version {request.ExpectedVersion} (it is at {store.Version}); reload it and try again.");
        if (slug != store.Slug && await db.Stores.AnyAsync(s => s.Slug == slug && s.Id != store.Id, cancellationToken))
            throw StoreDirectory.SlugTaken();

        var moved = request.Location is not null && (request.Location.Latitude != store.Location.Y || request.Location.Longitude != store.Location.X);
        var listingChanged = name != store.Name || slug != store.Slug || moved || radius != store.ServiceRadiusKm;
        var changed = listingChanged
            || description != store.Description || email != store.ContactEmail || phone != store.ContactPhone || address != store.Address
            || !categories.SequenceEqual(store.Categories) || !hours.SequenceEqual(store.OpeningHours) || logo != store.Logo || banner != store.Banner;
        if (!changed)
            return store;

        store.Name = name;
        store.Slug = slug;
        store.Description = description;
        store.ContactEmail = email;
        store.ContactPhone = phone;
        store.Address = address;
        if (moved)
            store.Location = StoreDirectory.Point(request.Location!.Latitude, request.Location.Longitude);
        store.ServiceRadiusKm = radius;
        store.Categories = categories;
        store.OpeningHours = hours;
        store.Logo = logo;
        store.Banner = banner;
        NewVersion(store, publish: listingChanged);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (StoreDirectory.IsSlugConflict(exception))
        {
            throw StoreDirectory.SlugTaken();
        }

        await transaction.CommitAsync(cancellationToken);
        return store;
    }

    /// <summary>The seller closes an ACTIVE store. Closing a closed store changes nothing; a suspended one is refused.</summary>
    public Task<StoreEntity> CloseAsync(Guid sellerId, string id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, sellerId, store => store.Status switch
        {
            StoreStatus.Suspended => throw Suspended(),
            StoreStatus.Active => StoreStatus.Closed,
            _ => null,
        }, cancellationToken);

    /// <summary>The seller reopens a CLOSED store. Reopening an active store changes nothing; a suspended one is refused.</summary>
    public Task<StoreEntity> ReopenAsync(Guid sellerId, string id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, sellerId, store => store.Status switch
        {
            StoreStatus.Suspended => throw Suspended(),
            StoreStatus.Closed => StoreStatus.Active,
            _ => null,
        }, cancellationToken);

    /// <summary>An administrator suspends a store of any status; it remembers the status to return to.</summary>
    public Task<StoreEntity> SuspendAsync(string id, string reason, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var why = StoreValidation.SuspensionReason(reason, violations);
        StoreValidation.ThrowIfAny(violations, "The suspension is not valid.");
        return ChangeStatusAsync(id, sellerId: null, store =>
        {
            if (store.Status == StoreStatus.Suspended)
                return null;
            store.StatusBeforeSuspension = store.Status;
            store.SuspensionReason = why;
            return StoreStatus.Suspended;
        }, cancellationToken);
    }

    /// <summary>An administrator lifts a suspension: the store returns to the status it had before (ACTIVE or CLOSED).</summary>
    public Task<StoreEntity> ReinstateAsync(string id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, sellerId: null, store =>
        {
            if (store.Status != StoreStatus.Suspended)
                throw ContractError.FailedPrecondition("STORE_NOT_SUSPENDED", "Only a suspended store can be reinstated.");
            var status = store.StatusBeforeSuspension ?? StoreStatus.Active;
            store.StatusBeforeSuspension = null;
            store.SuspensionReason = null;
            return status;
        }, cancellationToken);

    /// <summary>
    /// Locks the store, checks the owner (when <paramref name="sellerId"/> is given), and applies <paramref name="transition"/>:
    /// the new status, or null for "nothing to do".
    /// </summary>
    private async Task<StoreEntity> ChangeStatusAsync(string id, Guid? sellerId, Func<StoreEntity, string?> transition, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var store = sellerId is { } owner ? await LockOwnedAsync(id, owner, cancellationToken) : await LockAsync(id, cancellationToken);
        var status = transition(store);
        if (status is null || status == store.Status)
            return store;
        store.Status = status;
        NewVersion(store, publish: true);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return store;
    }

    private void NewVersion(StoreEntity store, bool publish)
    {
        store.Version++;
        store.UpdatedAt = clock.GetUtcNow();
        if (publish)
        {
            db.AddEvent(new StoreUpdated(
                store.Id, store.SellerId, store.Name, store.Slug, store.Location.Y, store.Location.X, store.ServiceRadiusKm, store.Status, store.Version, store.UpdatedAt));
        }
    }

    private async Task<StoreEntity> LockOwnedAsync(string id, Guid sellerId, CancellationToken cancellationToken)
    {
        var store = await LockAsync(id, cancellationToken);
        if (store.SellerId != sellerId)
            throw ContractError.PermissionDenied("NOT_YOUR_STORE", "Only the seller who runs this store may change it.");
        return store;
    }

    private async Task<StoreEntity> LockAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var storeId))
            throw NotFound();
        var rows = await db.Stores.FromSql($"SELECT * FROM sellers.stores WHERE id = {storeId} FOR UPDATE").ToListAsync(cancellationToken);
        return rows.SingleOrDefault() ?? throw NotFound();
    }

    private static Grpc.Core.RpcException NotFound() => ContractError.NotFound("STORE_NOT_FOUND", "No such store.");

    private static Grpc.Core.RpcException Suspended() =>
        ContractError.FailedPrecondition("STORE_SUSPENDED", "An administrator suspended this store; only an administrator can reinstate it.");
}
