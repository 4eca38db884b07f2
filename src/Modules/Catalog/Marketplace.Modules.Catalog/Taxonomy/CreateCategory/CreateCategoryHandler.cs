using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Taxonomy;

namespace Marketplace.Modules.Catalog.Taxonomy.CreateCategory;

/// <summary>Under the tree lock: the parent exists and the tree stays at most 8 deep and 5,000 large; the slug is free.</summary>
internal sealed class CreateCategoryHandler(CatalogDbContext db, TimeProvider clock) : ICommandHandler<CreateCategoryCommand, Category>
{
    public async ValueTask<Category> Handle(CreateCategoryCommand command, CancellationToken cancellationToken)
    {
        await db.LockTreeAsync(cancellationToken);
        var parent = await db.ParentAsync(command.ParentId, cancellationToken);
        if (parent is not null && parent.Depth + 1 > CatalogRules.MaxCategoryDepth)
            throw CategoryRows.TooDeep();
        if (await db.Categories.CountAsync(cancellationToken) >= CatalogRules.MaxCategories)
            throw ContractError.FailedPrecondition(Codes.TooManyCategories, $"The taxonomy holds at most {CatalogRules.MaxCategories} categories.");
        if (await db.Categories.AnyAsync(c => c.Slug == command.Slug, cancellationToken))
            throw CategoryRows.SlugTaken();

        var now = clock.GetUtcNow();
        var category = new Category
        {
            Id = Guid.CreateVersion7(),
            ParentId = parent?.Id,
            Name = command.Name,
            Slug = command.Slug,
            Path = parent is null ? command.Slug : $"{parent.Path}/{command.Slug}",
            Position = command.Position ?? await db.NextPositionAsync(parent?.Id, cancellationToken),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Categories.Add(category);
        await db.SaveTreeAsync(cancellationToken);
        return category;
    }
}
