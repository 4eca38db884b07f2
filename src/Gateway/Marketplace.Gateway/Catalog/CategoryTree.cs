using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>The category tree of one request: children by parent, in the module's order (position, then name).</summary>
internal sealed class CategoryTree(IReadOnlyList<Category> all)
{
    private readonly ILookup<string, Category> _children = all.ToLookup(c => c.ParentId);

    public IReadOnlyList<Category> Roots => _children[""].ToList();

    public IReadOnlyList<Category> ChildrenOf(string id) => _children[id].ToList();
}
