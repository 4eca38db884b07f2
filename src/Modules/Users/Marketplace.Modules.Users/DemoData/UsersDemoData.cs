using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Modules.Users.Sellers;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Address = Marketplace.Modules.Users.Addresses.Address;

namespace Marketplace.Modules.Users.DemoData;

/// <summary>
/// Accounts a newcomer can sign in as (listed in the README). Development only: the sellers' passwords are public.
/// Idempotent: an account that exists is left alone.
/// </summary>
internal sealed class UsersDemoData(UsersDbContext db, PasswordHasher hasher, PhoneNumberNormalizer phones, IHostEnvironment environment, TimeProvider clock) : IModuleSeeder
{
    public const string SellerPassword = "demo-seller-passphrase";

    /// <summary>The demo buyers, each with a home in central Lisbon among the demo stores (Sellers' demo data).</summary>
    public static readonly DemoBuyer[] Buyers =
    [
        new("+447911123456", "Ada Buyer", "Rua do Salitre 120", "1250-199", 38.7197, -9.1489),
        new("+447911123457", "Grace Buyer", "Rua da Rosa 55", "1200-382", 38.7129, -9.1456),
    ];

    public static readonly (string Email, string Name, bool Verified)[] Sellers =
    [
        ("seller@example.com", "Corner Bakery", true),
        ("unverified.seller@example.com", "Fresh Start Shop", false),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
            return;
        var now = clock.GetUtcNow();

        foreach (var demo in Buyers)
        {
            var phone = phones.Normalize(demo.Phone) ?? throw new InvalidOperationException($"demo phone {demo.Phone} is not valid");
            var buyer = await db.Set<User>().FirstOrDefaultAsync(u => u.Phone == phone, cancellationToken);
            if (buyer is null)
            {
                buyer = new User { Role = Roles.Buyer, Phone = phone, DisplayName = demo.Name, CreatedAt = now };
                db.Add(buyer);
                db.AddEvent(new BuyerRegistered(buyer.Id, now));
            }

            var addresses = await db.Set<Address>().Where(a => a.UserId == buyer.Id).ToListAsync(cancellationToken);
            // Earlier versions gave the demo buyers a London home, far from every demo store: move it to Lisbon. An
            // address book the person changed is left alone.
            foreach (var old in addresses.Where(a => a.City == "London" && a.Lines.SequenceEqual(["1 Market Street"])))
            {
                Home(old, demo, phone);
                old.UpdatedAt = now;
            }

            if (addresses.Count == 0)
            {
                var home = new Address { UserId = buyer.Id, IsDefault = true, CreatedAt = now, UpdatedAt = now };
                Home(home, demo, phone);
                db.Add(home);
            }
        }

        foreach (var (email, name, verified) in Sellers)
        {
            if (await db.Set<User>().AnyAsync(u => u.Email == email, cancellationToken))
                continue;
            var seller = new User
            {
                Role = Roles.Seller,
                Email = email,
                DisplayName = name,
                PasswordHash = hasher.Hash(SellerPassword),
                EmailVerifiedAt = verified ? now : null,
                CreatedAt = now,
            };
            db.Add(seller);
            db.AddEvent(new SellerRegistered(seller.Id, email, name, now));
            if (verified)
                db.AddEvent(new SellerEmailVerified(seller.Id, email, name, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Home(Address address, DemoBuyer demo, string phone)
    {
        address.Label = "Home";
        address.Recipient = demo.Name;
        address.Phone = phone;
        address.Lines = [demo.Street];
        address.City = "Lisboa";
        address.PostalCode = demo.PostalCode;
        address.Country = "PT";
        address.Latitude = demo.Latitude;
        address.Longitude = demo.Longitude;
    }
}

/// <summary>A demo buyer and their home (README, docs/users.md).</summary>
internal sealed record DemoBuyer(string Phone, string Name, string Street, string PostalCode, double Latitude, double Longitude);
