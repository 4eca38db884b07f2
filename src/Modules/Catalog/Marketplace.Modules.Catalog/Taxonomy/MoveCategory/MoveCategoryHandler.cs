using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Taxonomy;

namespace Marketplace.Modules.Catalog.Taxonomy.MoveCategory;

/// <summary>
/// Under the tree lock: refuses cycles and a tree deeper than allowed (the deepest descendant must still fit), rewrites
/// the subtree's paths and publishes <c>category_changed.v1</c> when the path changed.
/// </summary>
internal sealed class MoveCategoryHandler(CatalogDbContext db, TimeProvider clock) : ICommandHandler<MoveCategoryCommand, Category>
{
    public async ValueTask<Category> Handle(MoveCategoryCommand command, CancellationToken cancellationToken)
    {
        await db.LockTreeAsync(cancellationToken);
        var category = await db.CategoryAsync(command.CategoryId, cancellationToken);
        var parent = await db.ParentAsync(command.ParentId, cancellationToken);
        if (parent is not null && (parent.Id == category.Id || parent.Path.StartsWith(category.Path + "/", StringComparison.Ordinal)))
            throw CategoryRows.Invalid("parentId", Codes.CategoryCycle, "A category cannot move under itself or one of its descendants.");

        var subtree = await db.Subtree(category.Path).Select(c => c.Path).ToListAsync(cancellationToken);
        var height = subtree.Max(p => p.Count(ch => ch == '/')) - category.Path.Count(ch => ch == '/');
        if ((parent?.Depth ?? 0) + 1 + height > CatalogRules.MaxCategoryDepth)
            throw CategoryRows.TooDeep();

        var now = clock.GetUtcNow();
        var oldPath = category.Path;
        var newPath = parent is null ? category.Slug : $"{parent.Path}/{category.Slug}";
        var moved = category.ParentId != parent?.Id;
        category.ParentId = parent?.Id;
        category.Position = command.Position ?? (moved ? await db.NextPositionAsync(parent?.Id, cancellationToken) : category.Position);
        category.UpdatedAt = now;
        if (newPath != oldPath)
            db.AddEvent(new CategoryChanged(category.Id, newPath, oldPath, now));
        await db.SaveTreeAsync(cancellationToken);
        if (newPath != oldPath)
            await db.RewritePathsAsync(oldPath, newPath, now, cancellationToken);
        return await db.ReloadAsync(category.Id, cancellationToken);
    }
}
