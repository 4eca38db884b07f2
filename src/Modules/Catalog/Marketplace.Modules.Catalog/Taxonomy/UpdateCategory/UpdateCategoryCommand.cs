using Marketplace.Modules.Catalog.Contracts.V1;
using Mediator;
using CategoryEntity = Marketplace.Modules.Catalog.Domain.Category;

namespace Marketplace.Modules.Catalog.Taxonomy.UpdateCategory;

/// <summary>An administrator renames, re-slugs or repositions a category; null means "unchanged".</summary>
internal sealed record UpdateCategoryCommand(Guid AdminId, Guid CategoryId, string? Name, string? Slug, int? Position) : ICommand<CategoryEntity>
{
    public static UpdateCategoryCommand From(Guid adminId, UpdateCategoryRequest request) => new(
        adminId,
        CategoryRows.ParseId(request.Id),
        request.HasName ? request.Name.Trim() : null,
        request.HasSlug ? request.Slug.Trim().ToLowerInvariant() : null,
        request.HasPosition ? request.Position : null);
}
