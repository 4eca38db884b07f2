using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Media;
using Marketplace.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StoreEntity = Marketplace.Modules.Sellers.Domain.Store;

namespace Marketplace.Modules.Sellers.DemoData;

/// <summary>
/// Six ACTIVE stores in central Lisbon (all within 4 km of 38.7223, -9.1393), run by the demo seller
/// <c>seller@example.com</c> that the Users module seeds (found through <c>UsersAuth.FindSellerByEmail</c>). Development
/// only. Idempotent: a store whose slug exists is left alone, except that a demo store seeded before the Media module
/// (logo and banner on an external site) gets the demo images. Their logos and banners are Media assets with
/// <see cref="DemoMedia"/> ids, which the Media seeder renders; <c>store_media_changed.v1</c> tells Media they are used.
/// Catalog's demo data finds these stores by slug.
/// </summary>
internal sealed class SellersDemoData(
    SellersDbContext db, UsersAuth.UsersAuthClient users, IHostEnvironment environment, TimeProvider clock, ILogger<SellersDemoData> logger) : IModuleSeeder
{
    public const string SellerEmail = "seller@example.com";

    private static readonly OpeningInterval[] ShopHours =
    [
        .. new[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }.Select(d => new OpeningInterval(d, "09:00", "19:00")),
        new("SATURDAY", "10:00", "14:00"),
    ];

    private static readonly OpeningInterval[] BakeryHours =
    [
        .. new[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY" }.SelectMany(d => new[] { new OpeningInterval(d, "07:00", "13:00"), new OpeningInterval(d, "15:00", "19:30") }),
        new("SUNDAY", "08:00", "12:00"),
    ];

    public static readonly DemoStore[] Stores =
    [
        new("demo-lisbon-bakery", "Lisbon Bakery", "Pastéis de nata, sourdough and broa de milho, baked every morning.", "Rua da Escola Politécnica 42, 1250-102 Lisboa",
            38.7167, -9.1489, 5, ["bakery", "pastry", "coffee"], BakeryHours),
        new("demo-alfama-books", "Alfama Books", "New and second-hand books in Portuguese and English, with a fado corner.", "Rua de São Miguel 15, 1100-544 Lisboa",
            38.7118, -9.1300, 8, ["books", "music"], ShopHours),
        new("demo-baixa-electronics", "Baixa Electronics", "Phones, laptops, cables and repairs while you wait.", "Rua Augusta 210, 1100-053 Lisboa",
            38.7114, -9.1374, 10, ["electronics", "repairs"], ShopHours),
        new("demo-belem-garden", "Belém Garden", "Plants, seeds and garden tools; delivers west to Belém.", "Rua de São Bento 300, 1200-820 Lisboa",
            38.7135, -9.1600, 10, ["garden", "plants"], ShopHours),
        new("demo-chiado-fashion", "Chiado Fashion", "Portuguese designers, linen and leather.", "Rua Garrett 80, 1200-204 Lisboa",
            38.7107, -9.1420, 6, ["fashion", "accessories"], ShopHours),
        new("demo-lx-grocer", "LX Grocer", "Fruit, vegetables, cheese and tinned fish from Portuguese producers.", "Rua Rodrigues de Faria 103, 1300-501 Lisboa",
            38.7033, -9.1786, 7, ["grocery", "organic-food", "deli"], ShopHours),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
            return;
        var seller = await users.FindSellerByEmailAsync(new FindSellerByEmailRequest { Email = SellerEmail }, cancellationToken: cancellationToken);
        if (!seller.Exists || !Guid.TryParse(seller.UserId, out var sellerId))
        {
            logger.LogWarning("Demo seller {Email} not found: no demo stores (run the Users seeder first)", SellerEmail);
            return;
        }

        foreach (var demo in Stores)
        {
            if (await db.Stores.SingleOrDefaultAsync(s => s.Slug == demo.Slug, cancellationToken) is { } existing)
            {
                await UseDemoImagesAsync(existing, cancellationToken);
                continue;
            }

            var now = clock.GetUtcNow();
            var store = new StoreEntity
            {
                Id = Guid.CreateVersion7(),
                SellerId = sellerId,
                Name = demo.Name,
                Slug = demo.Slug,
                Description = demo.Description,
                ContactEmail = $"hello@{demo.Slug}.example.com",
                ContactPhone = "+351 21 000 0000",
                Address = demo.Address,
                Location = StoreGeography.Point(demo.Latitude, demo.Longitude),
                ServiceRadiusKm = demo.ServiceRadiusKm,
                Categories = [.. demo.Categories],
                OpeningHours = [.. demo.OpeningHours],
                Logo = DemoMedia.StoreLogo(demo.Slug).ToString(),
                Banner = DemoMedia.StoreBanner(demo.Slug).ToString(),
                Status = StoreStatus.Active,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Stores.Add(store);
            var created = db.AddEvent(new StoreCreated(store.Id, sellerId, store.Name, store.Slug, demo.Latitude, demo.Longitude, store.ServiceRadiusKm, store.Status, now));
            var media = db.AddEvent(new StoreMediaChanged(store.Id, sellerId, StoreMedia.AssetIds(store), store.Version, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (StoreRows.IsSlugConflict(exception))
            {
                // Another seed run got there first: that store is the one we wanted.
                db.Entry(store).State = EntityState.Detached;
                db.Entry(created).State = EntityState.Detached;
                db.Entry(media).State = EntityState.Detached;
            }
        }
    }

    /// <summary>A demo store from before the Media module still shows external images: it gets the demo assets.</summary>
    private async Task UseDemoImagesAsync(StoreEntity store, CancellationToken cancellationToken)
    {
        var external = new[] { store.Logo, store.Banner }.Any(r => r?.StartsWith("https://picsum.photos/", StringComparison.Ordinal) == true);
        if (!external)
            return;
        store.Logo = DemoMedia.StoreLogo(store.Slug).ToString();
        store.Banner = DemoMedia.StoreBanner(store.Slug).ToString();
        StoreVersions.Next(db, store, clock, publish: false);
        StoreMedia.Publish(db, store, store.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal sealed record DemoStore(
        string Slug, string Name, string Description, string Address, double Latitude, double Longitude, double ServiceRadiusKm,
        string[] Categories, OpeningInterval[] OpeningHours);
}
