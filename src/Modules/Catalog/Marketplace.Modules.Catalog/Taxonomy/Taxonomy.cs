using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using CategoryEntity = Marketplace.Modules.Catalog.Domain.Category;

namespace Marketplace.Modules.Catalog.Taxonomy;

/// <summary>
/// The category tree. Changes are rare and administrative, so they are serialised with one advisory lock: two moves
/// cannot build a cycle between them, and a path rewrite never races another. A rename of a slug or a move rewrites
/// the paths of the whole subtree in the same transaction.
/// </summary>
internal sealed class Taxonomy(CatalogDbContext db, TimeProvider clock)
{
    private const long TreeLock = 0x636174616c6f67; // "catalog"

    public async Task<CategoryEntity> CreateAsync(CreateCategoryRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        var slug = request.Slug.Trim().ToLowerInvariant();
        var violations = new List<FieldViolation>();
        CheckName(name, violations);
        CheckSlug(slug, violations);
        if (violations.Count > 0)
            throw Invalid(violations);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockTreeAsync(cancellationToken);
        CategoryEntity? parent = null;
        if (request.ParentId.Length > 0)
        {
            parent = await FindAsync(request.ParentId, cancellationToken)
                ?? throw Invalid(new FieldViolation("parentId", "There is no category with this id.", "UNKNOWN_CATEGORY"));
            if (parent.Depth + 1 > CatalogRules.MaxCategoryDepth)
                throw Invalid(new FieldViolation("parentId", $"The tree is at most {CatalogRules.MaxCategoryDepth} levels deep.", "TOO_DEEP"));
        }

        if (await db.Categories.CountAsync(cancellationToken) >= CatalogRules.MaxCategories)
            throw ContractError.FailedPrecondition("TOO_MANY_CATEGORIES", $"The taxonomy holds at most {CatalogRules.MaxCategories} categories.");
        if (await db.Categories.AnyAsync(c => c.Slug == slug, cancellationToken))
            throw SlugTaken();

        var now = clock.GetUtcNow();
        var category = new CategoryEntity
        {
            Id = Guid.CreateVersion7(),
            ParentId = parent?.Id,
            Name = name,
            Slug = slug,
            Path = parent is null ? slug : $"{parent.Path}/{slug}",
            Position = request.HasPosition ? request.Position : await NextPositionAsync(parent?.Id, cancellationToken),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Categories.Add(category);
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return category;
    }

    public async Task<CategoryEntity> UpdateAsync(UpdateCategoryRequest request, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var name = request.HasName ? request.Name.Trim() : null;
        var slug = request.HasSlug ? request.Slug.Trim().ToLowerInvariant() : null;
        if (name is not null)
            CheckName(name, violations);
        if (slug is not null)
            CheckSlug(slug, violations);
        if (violations.Count > 0)
            throw Invalid(violations);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockTreeAsync(cancellationToken);
        var category = await FindAsync(request.Id, cancellationToken) ?? throw NotFound();
        var now = clock.GetUtcNow();
        var previousPath = category.Path;
        var renamed = name is not null && name != category.Name;
        if (name is not null)
            category.Name = name;
        if (request.HasPosition)
            category.Position = request.Position;
        if (slug is not null && slug != category.Slug)
        {
            renamed = true;
            if (await db.Categories.AnyAsync(c => c.Slug == slug, cancellationToken))
                throw SlugTaken();
            var oldPath = category.Path;
            category.Slug = slug;
            var cut = oldPath.LastIndexOf('/');
            var newPath = cut < 0 ? slug : $"{oldPath[..(cut + 1)]}{slug}";
            await SaveAsync(cancellationToken);
            await RewritePathsAsync(oldPath, newPath, now, cancellationToken);
        }

        category.UpdatedAt = now;
        if (renamed)
        {
            var path = await db.Categories.Where(c => c.Id == category.Id).Select(c => c.Path).SingleAsync(cancellationToken);
            db.AddEvent(new CategoryChanged(category.Id, path, previousPath, now));
        }

        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ReloadAsync(category.Id, cancellationToken);
    }

    public async Task<CategoryEntity> MoveAsync(MoveCategoryRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockTreeAsync(cancellationToken);
        var category = await FindAsync(request.Id, cancellationToken) ?? throw NotFound();
        CategoryEntity? parent = null;
        if (request.ParentId.Length > 0)
        {
            parent = await FindAsync(request.ParentId, cancellationToken)
                ?? throw Invalid(new FieldViolation("parentId", "There is no category with this id.", "UNKNOWN_CATEGORY"));
            if (parent.Id == category.Id || parent.Path.StartsWith(category.Path + "/", StringComparison.Ordinal))
                throw Invalid(new FieldViolation("parentId", "A category cannot move under itself or one of its descendants.", "CATEGORY_CYCLE"));
        }

        // The deepest descendant must still fit.
        var subtree = await Subtree(category.Path).Select(c => c.Path).ToListAsync(cancellationToken);
        var height = subtree.Max(p => p.Count(ch => ch == '/')) - category.Path.Count(ch => ch == '/');
        if ((parent?.Depth ?? 0) + 1 + height > CatalogRules.MaxCategoryDepth)
            throw Invalid(new FieldViolation("parentId", $"The tree is at most {CatalogRules.MaxCategoryDepth} levels deep.", "TOO_DEEP"));

        var now = clock.GetUtcNow();
        var oldPath = category.Path;
        var newPath = parent is null ? category.Slug : $"{parent.Path}/{category.Slug}";
        var moved = category.ParentId != parent?.Id;
        category.ParentId = parent?.Id;
        category.Position = request.HasPosition ? request.Position : moved ? await NextPositionAsync(parent?.Id, cancellationToken) : category.Position;
        category.UpdatedAt = now;
        if (newPath != oldPath)
            db.AddEvent(new CategoryChanged(category.Id, newPath, oldPath, now));
        await SaveAsync(cancellationToken);
        if (newPath != oldPath)
            await RewritePathsAsync(oldPath, newPath, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ReloadAsync(category.Id, cancellationToken);
    }

    public async Task<Guid> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockTreeAsync(cancellationToken);
        var category = await FindAsync(id, cancellationToken) ?? throw NotFound();
        if (await db.Categories.AnyAsync(c => c.ParentId == category.Id, cancellationToken))
            throw Invalid(new FieldViolation("id", "Move or delete its child categories first.", "CATEGORY_HAS_CHILDREN"));
        if (await db.Products.AnyAsync(p => p.CategoryId == category.Id, cancellationToken))
            throw Invalid(new FieldViolation("id", "Products are filed under this category; move them first.", "CATEGORY_IN_USE"));
        db.Categories.Remove(category);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // A product was filed under it after the check (the foreign key is the last word).
            throw Invalid(new FieldViolation("id", "Products are filed under this category; move them first.", "CATEGORY_IN_USE"));
        }

        await transaction.CommitAsync(cancellationToken);
        return category.Id;
    }

    /// <summary>Parents before children: by depth, then position, then name.</summary>
    public async Task<List<CategoryEntity>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        return all.OrderBy(c => c.Depth).ThenBy(c => c.Position).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
    }

    public async Task<List<CategoryEntity>> GetManyAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        if (keys.Count > CatalogRules.MaxCategories)
            throw ContractError.InvalidArgument("TOO_MANY_IDS", $"Ask for at most {CatalogRules.MaxCategories} categories at once.");
        return keys.Count == 0 ? [] : await db.Categories.AsNoTracking().Where(c => keys.Contains(c.Id)).ToListAsync(cancellationToken);
    }

    public async Task<CategoryEntity?> FindAsync(string id, string slug, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(id, out var categoryId))
            return await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        var normalized = slug.Trim().ToLowerInvariant();
        return normalized.Length == 0 ? null : await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == normalized, cancellationToken);
    }

    /// <summary>Lower-case ASCII letters and digits separated by single hyphens.</summary>
    public static bool IsSlug(string slug) =>
        slug.Length is >= CatalogRules.MinSlugLength and <= CatalogRules.MaxSlugLength
        && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--", StringComparison.Ordinal);

    private IQueryable<CategoryEntity> Subtree(string path) =>
        db.Categories.Where(c => c.Path == path || EF.Functions.Like(c.Path, path + "/%"));

    // Slugs hold no LIKE wildcards (letters, digits, hyphens), so the prefix needs no escaping.
    private Task<int> RewritePathsAsync(string oldPath, string newPath, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE catalog.categories SET path = {newPath} || substr(path, {oldPath.Length + 1}), updated_at = {now} WHERE path = {oldPath} OR path LIKE {oldPath + "/%"}",
            cancellationToken);

    private async Task<CategoryEntity> ReloadAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Categories.AsNoTracking().FirstAsync(c => c.Id == id, cancellationToken);
    }

    private async Task<CategoryEntity?> FindAsync(string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var categoryId) ? await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken) : null;

    private async Task<int> NextPositionAsync(Guid? parentId, CancellationToken cancellationToken) =>
        (await db.Categories.Where(c => c.ParentId == parentId).MaxAsync(c => (int?)c.Position, cancellationToken) ?? -1) + 1;

    private Task<int> LockTreeAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TreeLock})", cancellationToken);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw SlugTaken();
        }
    }

    private static void CheckName(string name, List<FieldViolation> violations)
    {
        if (name.Length == 0)
            violations.Add(new("name", "A category needs a name.", "REQUIRED"));
        else if (name.Length > CatalogRules.MaxCategoryNameLength)
            violations.Add(new("name", $"Use at most {CatalogRules.MaxCategoryNameLength} characters.", "TOO_LONG"));
    }

    private static void CheckSlug(string slug, List<FieldViolation> violations)
    {
        if (!IsSlug(slug))
            violations.Add(new("slug", $"Use {CatalogRules.MinSlugLength} to {CatalogRules.MaxSlugLength} lower-case letters, digits and single hyphens.", "INVALID_SLUG"));
    }

    private static Grpc.Core.RpcException SlugTaken() =>
        Invalid(new FieldViolation("slug", "Another category uses this slug; choose another.", "SLUG_TAKEN"));

    private static Grpc.Core.RpcException NotFound() =>
        Invalid(new FieldViolation("id", "There is no category with this id.", "CATEGORY_NOT_FOUND"));

    private static Grpc.Core.RpcException Invalid(params IEnumerable<FieldViolation> violations) =>
        ContractError.InvalidArgument("INVALID_INPUT", "The category change is not valid.", violations);
}
