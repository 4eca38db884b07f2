using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Media;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Stores.CreateStore;

/// <summary>
/// Opens an ACTIVE store for a seller whose email is verified, within the per-seller bound. The slug is the seller's
/// choice or the first free one generated from the name; <c>store_created.v1</c> is published with it (and
/// <c>store_media_changed.v1</c> when the logo or banner is a Media asset).
/// </summary>
internal sealed class CreateStoreHandler(SellersDbContext db, UsersAuth.UsersAuthClient users, TimeProvider clock)
    : ICommandHandler<CreateStoreCommand, StoreView>
{
    private const int MaxSlugAttempts = 10;

    public async ValueTask<StoreView> Handle(CreateStoreCommand command, CancellationToken cancellationToken)
    {
        var status = await users.GetSellerStatusAsync(new GetSellerStatusRequest { UserId = command.SellerId.ToString() }, cancellationToken: cancellationToken);
        if (!status.Exists)
            throw ContractError.PermissionDenied(SellersErrorCodes.NotASeller, "Only sellers open stores.");
        if (!status.EmailVerified)
            throw ContractError.FailedPrecondition(SellersErrorCodes.SellerNotVerified, "Verify your email address before opening a store.");

        // Serialise a seller's creations so the bound holds under concurrent requests.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({command.SellerId.ToString()}, 7))", cancellationToken);
        if (await db.Stores.CountAsync(s => s.SellerId == command.SellerId, cancellationToken) >= StoreRules.MaxStoresPerSeller)
            throw ContractError.FailedPrecondition(SellersErrorCodes.StoreLimitReached, $"A seller runs at most {StoreRules.MaxStoresPerSeller} stores.");
        if (command.Slug.Length > 0 && await db.Stores.AnyAsync(s => s.Slug == command.Slug, cancellationToken))
            throw StoreRows.SlugTaken();

        var now = clock.GetUtcNow();
        var store = new Store
        {
            Id = Guid.CreateVersion7(),
            SellerId = command.SellerId,
            Name = command.Name,
            Description = command.Description,
            ContactEmail = command.ContactEmail,
            ContactPhone = command.ContactPhone,
            Address = command.Address,
            Location = StoreGeography.Point(command.Location!),
            ServiceRadiusKm = command.ServiceRadiusKm,
            Categories = [.. command.Categories],
            OpeningHours = OpeningHoursRule.Normalise(command.OpeningHours),
            Logo = Reference(command.Logo),
            Banner = Reference(command.Banner),
            Status = StoreStatus.Active,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Stores.Add(store);
        if (StoreMedia.AssetIds(store).Count > 0)
            StoreMedia.Publish(db, store, now);

        // A generated slug can still be taken by another seller's store created at the same instant (the advisory lock
        // is per seller): the unique index refuses ours, EF rolls back to its savepoint, and the next free suffix is
        // tried. N sellers racing for one name settle in N rounds (each round one of them wins).
        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            store.Slug = command.Slug.Length > 0 ? command.Slug : await db.FreeSlugAsync(StoreSlugs.Slugify(command.Name), tried, cancellationToken);
            tried.Add(store.Slug);
            var created = db.AddEvent(new StoreCreated(store.Id, store.SellerId, store.Name, store.Slug, store.Location.Y, store.Location.X, store.ServiceRadiusKm, store.Status, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException exception) when (StoreRows.IsSlugConflict(exception))
            {
                if (command.Slug.Length > 0 || attempt >= MaxSlugAttempts)
                    throw StoreRows.SlugTaken();
                db.Entry(created).State = EntityState.Detached;
            }
        }

        return new StoreView(store, ViewerIsFollowing: false, ShowSuspensionReason: true);
    }

    private static string? Reference(string text) => MediaReference.TryParse(text, out var reference, out _) ? reference.Value : null;
}
