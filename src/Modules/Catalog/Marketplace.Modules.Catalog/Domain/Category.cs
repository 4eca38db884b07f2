namespace Marketplace.Modules.Catalog.Domain;

/// <summary>
/// A node of the taxonomy. <see cref="Path"/> is the slash-joined slugs from the root (e.g. <c>home/kitchen/knives</c>),
/// kept in step with the tree on every rename and move, so a subtree is <c>path = X OR path LIKE X || '/%'</c>.
/// </summary>
internal sealed class Category
{
    public Guid Id { get; set; }

    public Guid? ParentId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Unique across the whole tree: lower-case letters, digits and single hyphens.</summary>
    public string Slug { get; set; } = "";

    /// <summary>Order among siblings (ascending; ties by name).</summary>
    public int Position { get; set; }

    public string Path { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Depth => Path.Count(c => c == '/') + 1;
}
