using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Taxonomy;

namespace Marketplace.Modules.Catalog.Taxonomy.DeleteCategory;

/// <summary>Under the tree lock; the products' foreign key is the last word on a product filed meanwhile.</summary>
internal sealed class DeleteCategoryHandler(CatalogDbContext db) : ICommandHandler<DeleteCategoryCommand, Guid>
{
    public async ValueTask<Guid> Handle(DeleteCategoryCommand command, CancellationToken cancellationToken)
    {
        await db.LockTreeAsync(cancellationToken);
        var category = await db.CategoryAsync(command.CategoryId, cancellationToken);
        if (await db.Categories.AnyAsync(c => c.ParentId == category.Id, cancellationToken))
            throw CategoryRows.Invalid("id", Codes.CategoryHasChildren, "Move or delete its child categories first.");
        if (await db.Products.AnyAsync(p => p.CategoryId == category.Id, cancellationToken))
            throw InUse();
        db.Categories.Remove(category);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            throw InUse();
        }

        return category.Id;
    }

    private static Grpc.Core.RpcException InUse() => CategoryRows.Invalid("id", Codes.CategoryInUse, "Products are filed under this category; move them first.");
}
