using Marketplace.Modules.Catalog.Contracts.V1;
using Mediator;
using CategoryEntity = Marketplace.Modules.Catalog.Domain.Category;

namespace Marketplace.Modules.Catalog.Taxonomy.MoveCategory;

/// <summary>An administrator moves a category with its subtree under <see cref="ParentId"/> (empty: to the root).</summary>
internal sealed record MoveCategoryCommand(Guid AdminId, Guid CategoryId, string ParentId, int? Position) : ICommand<CategoryEntity>
{
    public static MoveCategoryCommand From(Guid adminId, MoveCategoryRequest request) => new(
        adminId,
        CategoryRows.ParseId(request.Id),
        request.ParentId.Trim(),
        request.HasPosition ? request.Position : null);
}
