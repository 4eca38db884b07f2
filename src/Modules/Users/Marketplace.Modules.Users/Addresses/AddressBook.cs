using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Addresses;

/// <summary>
/// A buyer's address book. Every query is scoped by the owner, so another buyer's address id is simply not found:
/// the answer never tells that it exists.
/// </summary>
internal sealed class AddressBook(UsersDbContext db, PhoneNumberNormalizer phones, TimeProvider clock)
{
    public const int MaxAddressesPerBuyer = 20;
    public const int MaxPageSize = 100;

    public async Task<ListAddressesResponse> ListAsync(Guid ownerId, int first, string? after, CancellationToken cancellationToken)
    {
        first = first <= 0 ? 20 : Math.Min(first, MaxPageSize);
        var all = db.Set<Address>().AsNoTracking().Where(a => a.UserId == ownerId);
        var total = await all.CountAsync(cancellationToken);
        // Small by construction (bounded per buyer): order in memory, default first, then by creation.
        var ordered = (await all.ToListAsync(cancellationToken)).OrderByDescending(a => a.IsDefault).ThenBy(a => a.Id).ToList();
        var start = 0;
        if (Guid.TryParse(after, out var afterId) && ordered.FindIndex(a => a.Id == afterId) is var index and >= 0)
            start = index + 1;
        var page = ordered.Skip(start).Take(first + 1).ToList();
        return new ListAddressesResponse
        {
            Addresses = { page.Take(first).Select(ToContract) },
            HasNextPage = page.Count > first,
            TotalCount = total,
        };
    }

    public async Task<Contracts.V1.Address> CreateAsync(Guid ownerId, AddressFields fields, CancellationToken cancellationToken)
    {
        var address = new Address { UserId = ownerId, CreatedAt = clock.GetUtcNow() };
        Apply(address, fields);
        // Serialise a buyer's creations so the bound holds under concurrent requests.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({ownerId.ToString()}, 5))", cancellationToken);
        var count = await db.Set<Address>().CountAsync(a => a.UserId == ownerId, cancellationToken);
        if (count >= MaxAddressesPerBuyer)
            throw ContractError.FailedPrecondition("ADDRESS_LIMIT_REACHED", $"An address book holds at most {MaxAddressesPerBuyer} addresses; delete one first.");
        address.IsDefault = count == 0;
        db.Add(address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToContract(address);
    }

    public async Task<Contracts.V1.Address> UpdateAsync(Guid ownerId, string id, AddressFields fields, CancellationToken cancellationToken)
    {
        var address = await FindAsync(ownerId, id, cancellationToken);
        Apply(address, fields);
        await db.SaveChangesAsync(cancellationToken);
        return ToContract(address);
    }

    public async Task DeleteAsync(Guid ownerId, string id, CancellationToken cancellationToken)
    {
        var address = await FindAsync(ownerId, id, cancellationToken);
        db.Remove(address);
        await db.SaveChangesAsync(cancellationToken);
        if (address.IsDefault && await db.Set<Address>().Where(a => a.UserId == ownerId).OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken) is { } next)
        {
            next.IsDefault = true;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<Contracts.V1.Address> SetDefaultAsync(Guid ownerId, string id, CancellationToken cancellationToken)
    {
        var address = await FindAsync(ownerId, id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<Address>().Where(a => a.UserId == ownerId && a.IsDefault && a.Id != address.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, false), cancellationToken);
        address.IsDefault = true;
        address.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToContract(address);
    }

    public async Task<Contracts.V1.Address> GetAsync(Guid ownerId, string id, CancellationToken cancellationToken) =>
        ToContract(await FindAsync(ownerId, id, cancellationToken));

    private async Task<Address> FindAsync(Guid ownerId, string id, CancellationToken cancellationToken) =>
        (Guid.TryParse(id, out var addressId)
            ? await db.Set<Address>().FirstOrDefaultAsync(a => a.Id == addressId && a.UserId == ownerId, cancellationToken)
            : null)
        ?? throw ContractError.NotFound("ADDRESS_NOT_FOUND", "No such address in your address book.");

    /// <summary>Validates every field (one violation each, under <c>address.*</c>) before changing anything.</summary>
    private void Apply(Address address, AddressFields? fields)
    {
        fields ??= new AddressFields();
        var violations = new List<FieldViolation>();
        string Text(string name, string? value, int max, bool required)
        {
            var trimmed = value?.Trim() ?? "";
            if (required && trimmed.Length == 0)
                violations.Add(new FieldViolation($"address.{name}", "This field is required.", "REQUIRED"));
            else if (trimmed.Length > max)
                violations.Add(new FieldViolation($"address.{name}", $"Use at most {max} characters.", "TOO_LONG"));
            return trimmed;
        }

        var label = Text("label", fields.Label, 50, required: false);
        var recipient = Text("recipient", fields.Recipient, 100, required: true);
        var city = Text("city", fields.City, 100, required: true);
        var region = Text("region", fields.Region, 100, required: false);
        var postalCode = Text("postalCode", fields.PostalCode, 20, required: false);
        var phone = "";
        if (!string.IsNullOrWhiteSpace(fields.Phone) && (phone = phones.Normalize(fields.Phone) ?? "").Length == 0)
            violations.Add(new FieldViolation("address.phone", "Enter a valid phone number with its country code.", "PHONE_INVALID"));
        var lines = fields.Lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count is 0 or > 3 || lines.Any(l => l.Length > 200))
            violations.Add(new FieldViolation("address.lines", "Give 1 to 3 address lines of at most 200 characters.", "LINES_INVALID"));
        var country = fields.Country?.Trim().ToUpperInvariant() ?? "";
        if (!Countries.Codes.Contains(country))
            violations.Add(new FieldViolation("address.country", "Use an ISO 3166-1 alpha-2 country code, e.g. GB.", "COUNTRY_INVALID"));
        var location = fields.Location;
        if (location is not null && (double.IsNaN(location.Latitude) || double.IsNaN(location.Longitude)
            || location.Latitude is < -90 or > 90 || location.Longitude is < -180 or > 180))
            violations.Add(new FieldViolation("address.location", "Latitude must be within ±90 and longitude within ±180.", "LOCATION_INVALID"));
        if (violations.Count > 0)
            throw ContractError.InvalidArgument(violations[0].Code, "The address is invalid.", violations);

        address.Label = label;
        address.Recipient = recipient;
        address.Phone = phone;
        address.Lines = lines;
        address.City = city;
        address.Region = region;
        address.PostalCode = postalCode;
        address.Country = country;
        address.Latitude = location?.Latitude;
        address.Longitude = location?.Longitude;
        address.UpdatedAt = clock.GetUtcNow();
    }

    public static Contracts.V1.Address ToContract(Address address) => new()
    {
        Id = address.Id.ToString(),
        OwnerUserId = address.UserId.ToString(),
        IsDefault = address.IsDefault,
        CreatedAtMs = address.CreatedAt.ToUnixTimeMilliseconds(),
        UpdatedAtMs = address.UpdatedAt.ToUnixTimeMilliseconds(),
        Fields = new AddressFields
        {
            Label = address.Label,
            Recipient = address.Recipient,
            Phone = address.Phone,
            Lines = { address.Lines },
            City = address.City,
            Region = address.Region,
            PostalCode = address.PostalCode,
            Country = address.Country,
            Location = address is { Latitude: { } lat, Longitude: { } lng } ? new GeoPoint { Latitude = lat, Longitude = lng } : null,
        },
    };
}
