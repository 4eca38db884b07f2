using Marketplace.Modules.Media.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Media.Lifecycle;

/// <summary>
/// Which stores and products show which assets, from their modules' events (each replaces one holder's whole set, at a
/// version). An asset that gains its first reference is no longer counted as unreferenced; one that loses its last
/// starts its grace period now. Runs in the consumer's transaction, with its inbox row.
/// </summary>
internal sealed class AssetReferences(MediaDbContext db, TimeProvider clock)
{
    public async Task ReplaceAsync(string holderKind, Guid holderId, long version, IReadOnlyList<Guid> assetIds, CancellationToken cancellationToken)
    {
        // The holder's row, locked (inserted if new): sets for one holder apply one at a time, newest version wins.
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO media.reference_holders (kind, id, version, updated_at) VALUES ({holderKind}, {holderId}, 0, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        var current = await db.Holders.FromSql($"SELECT * FROM media.reference_holders WHERE kind = {holderKind} AND id = {holderId} FOR UPDATE")
            .SingleAsync(cancellationToken);
        if (version <= current.Version)
            return;

        var wanted = assetIds.Distinct().ToHashSet();
        var held = await db.References.Where(r => r.HolderKind == holderKind && r.HolderId == holderId).ToListAsync(cancellationToken);
        var dropped = held.Where(r => !wanted.Contains(r.AssetId)).Select(r => r.AssetId).ToList();
        var added = wanted.Where(id => held.All(r => r.AssetId != id)).ToList();

        db.References.RemoveRange(held.Where(r => dropped.Contains(r.AssetId)));
        db.References.AddRange(added.Select(id => new Domain.AssetReference { HolderKind = holderKind, HolderId = holderId, AssetId = id }));
        current.Version = version;
        current.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        if (added.Count > 0)
        {
            await db.Assets.Where(a => added.Contains(a.Id) && a.UnreferencedSince != null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.UnreferencedSince, (DateTimeOffset?)null), cancellationToken);
        }

        if (dropped.Count > 0)
        {
            // Only those that no other holder shows; the grace period starts now (the deletion sweep also checks that
            // nothing references an asset, so a reference that arrived before its asset existed is safe too).
            await db.Assets.Where(a => dropped.Contains(a.Id) && !db.References.Any(r => r.AssetId == a.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.UnreferencedSince, now), cancellationToken);
        }
    }
}
