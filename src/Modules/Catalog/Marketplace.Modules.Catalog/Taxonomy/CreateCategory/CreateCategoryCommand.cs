using Marketplace.Modules.Catalog.Contracts.V1;
using Mediator;
using CategoryEntity = Marketplace.Modules.Catalog.Domain.Category;

namespace Marketplace.Modules.Catalog.Taxonomy.CreateCategory;

/// <summary>An administrator adds a category under <see cref="ParentId"/> (empty: at the root), after its last sibling unless a position is given.</summary>
internal sealed record CreateCategoryCommand(Guid AdminId, string Name, string Slug, string ParentId, int? Position) : ICommand<CategoryEntity>
{
    public static CreateCategoryCommand From(Guid adminId, CreateCategoryRequest request) => new(
        adminId,
        request.Name.Trim(),
        request.Slug.Trim().ToLowerInvariant(),
        request.ParentId.Trim(),
        request.HasPosition ? request.Position : null);
}
