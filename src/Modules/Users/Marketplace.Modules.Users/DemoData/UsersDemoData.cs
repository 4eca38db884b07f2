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

    public static readonly (string Phone, string Name)[] Buyers =
    [
        ("+447911123456", "Ada Buyer"),
        ("+447911123457", "Grace Buyer"),
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

        foreach (var (phoneText, name) in Buyers)
        {
            var phone = phones.Normalize(phoneText) ?? throw new InvalidOperationException($"demo phone {phoneText} is not valid");
            if (await db.Set<User>().AnyAsync(u => u.Phone == phone, cancellationToken))
                continue;
            var buyer = new User { Role = Roles.Buyer, Phone = phone, DisplayName = name, CreatedAt = now };
            db.Add(buyer);
            db.Add(new Address
            {
                UserId = buyer.Id,
                Label = "Home",
                Recipient = name,
                Phone = phone,
                Lines = ["1 Market Street"],
                City = "London",
                PostalCode = "EC1A 1AA",
                Country = "GB",
                Latitude = 51.5203,
                Longitude = -0.0979,
                IsDefault = true,
                CreatedAt = now,
                UpdatedAt = now,
            });
            db.AddEvent(new BuyerRegistered(buyer.Id, now));
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
}
