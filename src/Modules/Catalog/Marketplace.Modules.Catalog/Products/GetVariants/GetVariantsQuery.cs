using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Catalog.Products.GetVariants;

/// <summary>Variants by id (at most 200), each with its product, as <see cref="Viewer"/> may see the products; in the order asked.</summary>
internal sealed record GetVariantsQuery(IReadOnlyList<string> Ids, Viewer Viewer) : IQuery<List<FoundVariant>>;
