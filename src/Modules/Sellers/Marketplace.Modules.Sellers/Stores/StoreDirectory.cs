using System.Globalization;
using System.Text;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using StoreEntity = Marketplace.Modules.Sellers.Domain.Store;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>Stores: registration by verified sellers, lookups, and the nearby search on PostGIS.</summary>
internal sealed class StoreDirectory(SellersDbContext db, UsersAuth.UsersAuthClient users, TimeProvider clock)
{
    private const int MaxBatch = 200;
    private const int MaxPageSize = 100;
    private const int MaxSlugAttempts = 10;
    private static readonly GeometryFactory Geography = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    /// <summary>A PostGIS geography point (x = longitude, y = latitude).</summary>
    public static Point Point(double latitude, double longitude) => Geography.CreatePoint(new Coordinate(longitude, latitude));

    /// <summary>The unique index on slug refused a row (another store took the slug first).</summary>
    public static bool IsSlugConflict(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_stores_slug" };

    public static Grpc.Core.RpcException SlugTaken() =>
        ContractError.InvalidArgument("SLUG_TAKEN", "This slug is taken.", [new FieldViolation("slug", "Another store uses this slug; choose another.", "SLUG_TAKEN")]);

    public async Task<StoreEntity> CreateAsync(Guid sellerId, CreateStoreRequest request, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var name = StoreValidation.Name(request.Name, violations);
        var slug = request.Slug.Trim().Length > 0 ? StoreValidation.Slug(request.Slug, violations) : "";
        var description = StoreValidation.Description(request.Description, violations);
        var email = StoreValidation.ContactEmail(request.ContactEmail, violations);
        var phone = StoreValidation.ContactPhone(request.ContactPhone, violations);
        var address = StoreValidation.Address(request.Address, violations);
        if (request.Location is null)
            violations.Add(new FieldViolation("location", "A store needs a location.", "REQUIRED"));
        else
            StoreValidation.Point(request.Location.Latitude, request.Location.Longitude, "location", violations);
        var radius = StoreValidation.ServiceRadius(request.ServiceRadiusKm, violations);
        var categories = StoreValidation.Categories(request.Categories, violations);
        var hours = StoreValidation.OpeningHours(request.OpeningHours, violations);
        var logo = StoreValidation.Media(request.Logo, "logo", violations);
        var banner = StoreValidation.Media(request.Banner, "banner", violations);
        StoreValidation.ThrowIfAny(violations, "The store is not valid.");

        var status = await users.GetSellerStatusAsync(new GetSellerStatusRequest { UserId = sellerId.ToString() }, cancellationToken: cancellationToken);
        if (!status.Exists)
            throw ContractError.PermissionDenied("NOT_A_SELLER", "Only sellers open stores.");
        if (!status.EmailVerified)
            throw ContractError.FailedPrecondition("SELLER_NOT_VERIFIED", "Verify your email address before opening a store.");

        var now = clock.GetUtcNow();
        var store = new StoreEntity
        {
            Id = Guid.CreateVersion7(),
            SellerId = sellerId,
            Name = name,
            Description = description,
            ContactEmail = email,
            ContactPhone = phone,
            Address = address,
            Location = Point(request.Location!.Latitude, request.Location.Longitude),
            ServiceRadiusKm = radius,
            Categories = categories,
            OpeningHours = hours,
            Logo = logo,
            Banner = banner,
            Status = StoreStatus.Active,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };

        // Serialise a seller's creations so the bound holds under concurrent requests.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({sellerId.ToString()}, 7))", cancellationToken);
        var count = await db.Stores.CountAsync(s => s.SellerId == sellerId, cancellationToken);
        if (count >= StoreRules.MaxStoresPerSeller)
            throw ContractError.FailedPrecondition("STORE_LIMIT_REACHED", $"A seller runs at most {StoreRules.MaxStoresPerSeller} stores.");

        if (slug.Length > 0 && await db.Stores.AnyAsync(s => s.Slug == slug, cancellationToken))
            throw SlugTaken();
        db.Stores.Add(store);

        // A generated slug can still be taken by another seller's store created at the same instant (the advisory lock
        // is per seller): the unique index refuses ours, EF rolls back to its savepoint, and the next free suffix is
        // tried. N sellers racing for one name settle in N rounds (each round one of them wins).
        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            store.Slug = slug.Length > 0 ? slug : await FreeSlugAsync(Slugify(name), tried, cancellationToken);
            tried.Add(store.Slug);
            var created = db.AddEvent(new StoreCreated(store.Id, sellerId, store.Name, store.Slug, store.Location.Y, store.Location.X, store.ServiceRadiusKm, store.Status, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException exception) when (IsSlugConflict(exception))
            {
                if (slug.Length > 0 || attempt >= MaxSlugAttempts)
                    throw SlugTaken();
                db.Entry(created).State = EntityState.Detached;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return store;
    }

    public async Task<StoreEntity?> FindAsync(string id, string slug, CancellationToken cancellationToken)
    {
        var query = db.Stores.AsNoTracking();
        if (Guid.TryParse(id, out var storeId))
            return await query.FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        var normalized = slug.Trim().ToLowerInvariant();
        return normalized.Length == 0 ? null : await query.FirstOrDefaultAsync(s => s.Slug == normalized, cancellationToken);
    }

    public async Task<List<StoreEntity>> GetManyAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        if (keys.Count > MaxBatch)
            throw ContractError.InvalidArgument("TOO_MANY_IDS", $"Ask for at most {MaxBatch} stores at once.");
        return keys.Count == 0 ? [] : await db.Stores.AsNoTracking().Where(s => keys.Contains(s.Id)).ToListAsync(cancellationToken);
    }

    public Task<List<StoreEntity>> ListBySellerAsync(Guid sellerId, CancellationToken cancellationToken) =>
        db.Stores.AsNoTracking().Where(s => s.SellerId == sellerId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);

    public Task<bool> IsOwnerAsync(Guid storeId, Guid sellerId, CancellationToken cancellationToken) =>
        db.Stores.AnyAsync(s => s.Id == storeId && s.SellerId == sellerId, cancellationToken);

    /// <summary>
    /// ACTIVE stores within <paramref name="radiusKm"/> of the point, ordered by geodesic distance (PostGIS
    /// <c>ST_Distance</c> on geography) then id, so ties page stably. The key is "distance:id" with the distance in
    /// round-trip form: the next page starts strictly after that pair.
    /// </summary>
    public async Task<(List<(StoreEntity Store, double Distance)> Items, bool HasNext)> NearAsync(
        double latitude, double longitude, double radiusKm, int first, string after, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        StoreValidation.Point(latitude, longitude, "location", violations);
        if (!(radiusKm > 0) || radiusKm > StoreRules.MaxSearchRadiusKm)
            violations.Add(new FieldViolation("radiusKm", $"Use a radius above 0 and at most {StoreRules.MaxSearchRadiusKm} km.", "INVALID_RADIUS"));
        if (violations.Count > 0)
            throw ContractError.InvalidArgument("INVALID_INPUT", "The search is not valid.", violations);
        first = first <= 0 ? 20 : Math.Min(first, MaxPageSize);

        double? afterDistance = null;
        Guid afterId = Guid.Empty;
        if (after.Length > 0)
        {
            var parts = after.Split(':');
            if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !Guid.TryParse(parts[1], out afterId))
                throw ContractError.InvalidArgument("INVALID_CURSOR", "The cursor is not one this API returned.");
            afterDistance = d;
        }

        const string Sql = """
            WITH origin AS (SELECT ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography AS g),
            near AS (
                SELECT s.id, ST_Distance(s.location, origin.g) AS distance
                FROM sellers.stores s, origin
                WHERE s.status = 'ACTIVE' AND ST_DWithin(s.location, origin.g, @radius))
            SELECT id, distance FROM near
            WHERE @afterDistance::double precision IS NULL OR (distance, id) > (@afterDistance::double precision, @afterId)
            ORDER BY distance, id
            LIMIT @limit
            """;
        var rows = new List<(Guid Id, double Distance)>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.AddWithValue("lon", longitude);
            command.Parameters.AddWithValue("lat", latitude);
            command.Parameters.AddWithValue("radius", radiusKm * 1000);
            command.Parameters.Add(new NpgsqlParameter("afterDistance", NpgsqlTypes.NpgsqlDbType.Double) { Value = (object?)afterDistance ?? DBNull.Value });
            command.Parameters.AddWithValue("afterId", afterId);
            command.Parameters.AddWithValue("limit", first + 1);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetGuid(0), reader.GetDouble(1)));
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }

        var ids = rows.Select(r => r.Id).ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var items = rows.Where(r => stores.ContainsKey(r.Id)).Select(r => (stores[r.Id], r.Distance)).ToList();
        var hasNext = items.Count > first;
        return (items.Take(first).ToList(), hasNext);
    }

    /// <summary>Whether the point lies within the store's service radius; null when there is no such store.</summary>
    public async Task<(bool Delivers, double Distance)?> DeliversToAsync(Guid storeId, double latitude, double longitude, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        StoreValidation.Point(latitude, longitude, "location", violations);
        if (violations.Count > 0)
            throw ContractError.InvalidArgument("INVALID_INPUT", "The location is not valid.", violations);
        const string Sql = """
            WITH origin AS (SELECT ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography AS g)
            SELECT ST_DWithin(s.location, origin.g, s.service_radius_km * 1000), ST_Distance(s.location, origin.g)
            FROM sellers.stores s, origin WHERE s.id = @id
            """;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.AddWithValue("lon", longitude);
            command.Parameters.AddWithValue("lat", latitude);
            command.Parameters.AddWithValue("id", storeId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? (reader.GetBoolean(0), reader.GetDouble(1)) : null;
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }

    public static string KeyOf(Guid id, double distance) => distance.ToString("R", CultureInfo.InvariantCulture) + ":" + id;

    /// <summary>Lower-case ASCII letters and digits separated by single hyphens.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder();
        var hyphen = false;
        foreach (var ch in text)
        {
            var c = char.ToLowerInvariant(ch);
            var ascii = c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c.ToString() : Transliterate(c);
            if (ascii.Length > 0)
            {
                if (hyphen && builder.Length > 0)
                    builder.Append('-');
                builder.Append(ascii);
                hyphen = false;
            }
            else
            {
                hyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > StoreRules.MaxSlugLength - 8)
            slug = slug[..(StoreRules.MaxSlugLength - 8)].TrimEnd('-');
        return slug.Length >= StoreRules.MinSlugLength ? slug : ("store-" + slug).TrimEnd('-');
    }

    /// <summary>Common Latin letters with diacritics as ASCII (the host may run with invariant globalization, so no Unicode normalization).</summary>
    private static string Transliterate(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ą' => "a",
        'æ' => "ae",
        'ç' or 'ć' or 'č' => "c",
        'ď' or 'đ' => "d",
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ę' or 'ě' => "e",
        'ğ' => "g",
        'ì' or 'í' or 'î' or 'ï' or 'ī' or 'ı' => "i",
        'ł' or 'ľ' => "l",
        'ñ' or 'ń' or 'ň' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' or 'š' or 'ş' => "s",
        'ß' => "ss",
        'ť' or 'ţ' => "t",
        'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' => "u",
        'ý' or 'ÿ' => "y",
        'ź' or 'ż' or 'ž' => "z",
        _ => "",
    };

    /// <summary>The base slug, or the first <c>-2</c>, <c>-3</c>, … not taken by a committed store nor tried already.</summary>
    private async Task<string> FreeSlugAsync(string baseSlug, HashSet<string> tried, CancellationToken cancellationToken)
    {
        var taken = await db.Stores.Where(s => s.Slug == baseSlug || s.Slug.StartsWith(baseSlug + "-")).Select(s => s.Slug).ToListAsync(cancellationToken);
        taken.AddRange(tried);
        if (!taken.Contains(baseSlug))
            return baseSlug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
            if (!taken.Contains(candidate))
                return candidate;
        }
    }
}
