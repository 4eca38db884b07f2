using Mediator;
using CategoryEntity = Marketplace.Modules.Catalog.Domain.Category;

namespace Marketplace.Modules.Catalog.Taxonomy.ListCategories;

/// <summary>The whole tree, flat, parents before children (by depth, then position, then name).</summary>
internal sealed record ListCategoriesQuery : IQuery<List<CategoryEntity>>;
