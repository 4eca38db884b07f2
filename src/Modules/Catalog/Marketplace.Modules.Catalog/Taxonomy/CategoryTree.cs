using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Modules.Catalog.Taxonomy;

/// <summary>
/// What the taxonomy's use cases share. Changes are rare and administrative, so they are serialised with one advisory
/// lock held by the command's transaction: two moves cannot build a cycle between them, and a path rewrite never races
/// another. A new slug or a move rewrites the paths of the whole subtree in that transaction.
/// </summary>
internal static class CategoryTree
{
    private const long TreeLock = 0x636174616c6f67; // "catalog"

    public static Task<int> LockTreeAsync(this CatalogDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TreeLock})", cancellationToken);

    /// <summary>The category, tracked; <c>CATEGORY_NOT_FOUND</c> when there is none.</summary>
    public static async Task<Category> CategoryAsync(this CatalogDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw CategoryRows.NotFound();

    /// <summary>The parent a request names (empty: the root, null); <c>UNKNOWN_CATEGORY</c> on parentId when there is none.</summary>
    public static async Task<Category?> ParentAsync(this CatalogDbContext db, string parentId, CancellationToken cancellationToken)
    {
        if (parentId.Length == 0)
            return null;
        return Guid.TryParse(parentId, out var id) ? await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw CategoryRows.UnknownParent() : throw CategoryRows.UnknownParent();
    }

    public static IQueryable<Category> Subtree(this CatalogDbContext db, string path) =>
        db.Categories.Where(c => c.Path == path || EF.Functions.Like(c.Path, path + "/%"));

    // Slugs hold no LIKE wildcards (letters, digits, hyphens), so the prefix needs no escaping.
    public static Task<int> RewritePathsAsync(this CatalogDbContext db, string oldPath, string newPath, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE catalog.categories SET path = {newPath} || substr(path, {oldPath.Length + 1}), updated_at = {now} WHERE path = {oldPath} OR path LIKE {oldPath + "/%"}",
            cancellationToken);

    public static async Task<int> NextPositionAsync(this CatalogDbContext db, Guid? parentId, CancellationToken cancellationToken) =>
        (await db.Categories.Where(c => c.ParentId == parentId).MaxAsync(c => (int?)c.Position, cancellationToken) ?? -1) + 1;

    /// <summary>Saves; the unique index on slug refusing a row (a slug taken meanwhile) is <c>SLUG_TAKEN</c>.</summary>
    public static async Task SaveTreeAsync(this CatalogDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw CategoryRows.SlugTaken();
        }
    }

    /// <summary>The category as stored now (a path rewrite in SQL bypasses the change tracker, so it starts afresh).</summary>
    public static async Task<Category> ReloadAsync(this CatalogDbContext db, Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Categories.AsNoTracking().FirstAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>Parents before children: by depth, then position, then name.</summary>
    public static List<Category> InTreeOrder(IEnumerable<Category> categories) =>
        categories.OrderBy(c => c.Depth).ThenBy(c => c.Position).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
}
