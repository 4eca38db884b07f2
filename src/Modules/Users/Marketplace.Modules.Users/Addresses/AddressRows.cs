using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Addresses;

/// <summary>
/// Loading a buyer's addresses. Every lookup is scoped by the owner, so another buyer's address id is simply not found:
/// the answer never tells that it exists.
/// </summary>
internal static class AddressRows
{
    public const int MaxAddressesPerBuyer = 20;

    /// <summary>
    /// Serialises the changes of one buyer's address book for the command's transaction, so its bound and its single
    /// default hold under concurrent requests.
    /// </summary>
    public static Task LockBookAsync(this UsersDbContext db, Guid ownerId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({ownerId.ToString()}, 5))", cancellationToken);

    public static async Task<Address> FindOwnedAsync(this UsersDbContext db, Guid ownerId, Guid addressId, CancellationToken cancellationToken) =>
        await db.Set<Address>().FirstOrDefaultAsync(a => a.Id == addressId && a.UserId == ownerId, cancellationToken) ?? throw NotFound();

    /// <summary>An address id as text: anything that is not a UUID names no address.</summary>
    public static Guid ParseId(string id) => Guid.TryParse(id, out var addressId) ? addressId : throw NotFound();

    /// <summary>Writes validated fields into the address (the phone in E.164).</summary>
    public static void Apply(this Address address, AddressInput input, PhoneNumberNormalizer phones, DateTimeOffset now)
    {
        address.Label = input.Label;
        address.Recipient = input.Recipient;
        address.Phone = input.Phone.Length == 0 ? "" : phones.Normalize(input.Phone) ?? "";
        address.Lines = [.. input.Lines];
        address.City = input.City;
        address.Region = input.Region;
        address.PostalCode = input.PostalCode;
        address.Country = input.Country;
        address.Latitude = input.Location?.Latitude;
        address.Longitude = input.Location?.Longitude;
        address.UpdatedAt = now;
    }

    public static Grpc.Core.RpcException NotFound() =>
        ContractError.NotFound(UsersErrorCodes.Addresses.AddressNotFound, "No such address in your address book.");
}
