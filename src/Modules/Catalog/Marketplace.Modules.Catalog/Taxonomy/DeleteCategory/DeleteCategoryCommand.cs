using Mediator;

namespace Marketplace.Modules.Catalog.Taxonomy.DeleteCategory;

/// <summary>An administrator deletes a category that has no children and files no products; the answer is its id.</summary>
internal sealed record DeleteCategoryCommand(Guid AdminId, Guid CategoryId) : ICommand<Guid>;
