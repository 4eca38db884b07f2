using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Taxonomy.UpdateCategory;

/// <summary>
/// Under the tree lock. A new slug rewrites the paths of the subtree; a new name or slug publishes
/// <c>category_changed.v1</c> (the search projection copies names and paths).
/// </summary>
internal sealed class UpdateCategoryHandler(CatalogDbContext db, TimeProvider clock) : ICommandHandler<UpdateCategoryCommand, Category>
{
    public async ValueTask<Category> Handle(UpdateCategoryCommand command, CancellationToken cancellationToken)
    {
        await db.LockTreeAsync(cancellationToken);
        var category = await db.CategoryAsync(command.CategoryId, cancellationToken);
        var now = clock.GetUtcNow();
        var previousPath = category.Path;
        var renamed = command.Name is not null && command.Name != category.Name;
        if (command.Name is not null)
            category.Name = command.Name;
        if (command.Position is { } position)
            category.Position = position;
        if (command.Slug is { } slug && slug != category.Slug)
        {
            renamed = true;
            if (await db.Categories.AnyAsync(c => c.Slug == slug, cancellationToken))
                throw CategoryRows.SlugTaken();
            var oldPath = category.Path;
            category.Slug = slug;
            var cut = oldPath.LastIndexOf('/');
            var newPath = cut < 0 ? slug : $"{oldPath[..(cut + 1)]}{slug}";
            await db.SaveTreeAsync(cancellationToken);
            await db.RewritePathsAsync(oldPath, newPath, now, cancellationToken);
        }

        category.UpdatedAt = now;
        if (renamed)
        {
            var path = await db.Categories.Where(c => c.Id == category.Id).Select(c => c.Path).SingleAsync(cancellationToken);
            db.AddEvent(new CategoryChanged(category.Id, path, previousPath, now));
        }

        await db.SaveTreeAsync(cancellationToken);
        return await db.ReloadAsync(category.Id, cancellationToken);
    }
}
