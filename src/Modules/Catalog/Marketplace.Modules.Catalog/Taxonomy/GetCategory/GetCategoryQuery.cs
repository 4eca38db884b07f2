using Mediator;
using CategoryEntity = Marketplace.Modules.Catalog.Domain.Category;

namespace Marketplace.Modules.Catalog.Taxonomy.GetCategory;

/// <summary>One category by id, else by slug (case-insensitive); null when there is none.</summary>
internal sealed record GetCategoryQuery(string Id, string Slug) : IQuery<CategoryEntity?>;
