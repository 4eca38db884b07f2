using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Shared.Contracts;
using static Marketplace.Shared.Persistence.ModuleSql;

namespace Marketplace.Modules.Inventory.Reservations;

/// <summary>
/// Idempotency by reference (commerce.md §0.3, brandur.org/idempotency-keys): the first request with a reference
/// claims (operation, reference) with one <c>INSERT … ON CONFLICT DO NOTHING</c> in its own transaction, so a concurrent
/// duplicate waits for its outcome; a repeat answers the stored result, and a different request under the same
/// reference is refused (<c>REFERENCE_REUSED</c>).
/// </summary>
internal sealed class OperationKeys(InventoryDbContext db)
{
    public const string Commit = "COMMIT";
    public const string Fulfil = "FULFIL";
    public const string Restock = "RESTOCK";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A fulfilment's or restock's key: its reference within its order (two orders may use the same reference).</summary>
    public static string OfOrder(string orderId, string reference) => $"{orderId}/{reference}";

    /// <summary>Null when this request claimed the reference now; else the first request's answer.</summary>
    public async Task<T?> ClaimAsync<T>(string kind, string reference, string request, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(request));
        var claimed = await db.ExecuteAsync(
            "INSERT INTO inventory.operations (kind, reference, request_hash, response, created_at) VALUES ($1, $2, $3, ''::bytea, $4) ON CONFLICT DO NOTHING",
            p => Parameters(p, kind, reference, hash, now), cancellationToken);
        if (claimed == 1)
            return null;

        var earlier = (await db.QueryAsync(
            "SELECT request_hash, response FROM inventory.operations WHERE kind = $1 AND reference = $2",
            p => Parameters(p, kind, reference), r => (Hash: r.GetFieldValue<byte[]>(0), Response: r.GetFieldValue<byte[]>(1)), cancellationToken)).Single();
        if (!earlier.Hash.AsSpan().SequenceEqual(hash))
            throw ContractError.FailedPrecondition(InventoryErrorCodes.ReferenceReused, $"The reference {reference} was already used for a different request.");
        return JsonSerializer.Deserialize<T>(earlier.Response, Json);
    }

    /// <summary>Stores the answer of the request that claimed the reference (same transaction as its effects).</summary>
    public Task CompleteAsync<T>(string kind, string reference, T response, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE inventory.operations SET response = $3 WHERE kind = $1 AND reference = $2",
            p => Parameters(p, kind, reference, JsonSerializer.SerializeToUtf8Bytes(response, Json)), cancellationToken);

    private static void Parameters(Npgsql.NpgsqlParameterCollection parameters, params object[] values)
    {
        foreach (var value in values)
            parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
    }
}
