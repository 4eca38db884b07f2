using Mediator;
using CategoryEntity = Marketplace.Modules.Catalog.Domain.Category;

namespace Marketplace.Modules.Catalog.Taxonomy.GetCategories;

/// <summary>Batched lookup by ids (at most 5,000); unknown ids are left out.</summary>
internal sealed record GetCategoriesQuery(IReadOnlyList<string> Ids) : IQuery<List<CategoryEntity>>;
