using Marketplace.Modules.Catalog.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Products.GetVariants;

/// <summary>One query for the variants' products, one for the products, one visibility check for them all.</summary>
internal sealed class GetVariantsHandler(CatalogDbContext db, ProductViews views) : IQueryHandler<GetVariantsQuery, List<FoundVariant>>
{
    public async ValueTask<List<FoundVariant>> Handle(GetVariantsQuery query, CancellationToken cancellationToken)
    {
        var keys = query.Ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        if (keys.Count == 0)
            return [];
        var owners = await db.Variants.AsNoTracking().Where(v => keys.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.ProductId, cancellationToken);
        var productIds = owners.Values.Distinct().ToList();
        var found = await db.Products.AsNoTracking().Include(p => p.Variants).Where(p => productIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var visible = (await views.VisibleAsync(found, query.Viewer, cancellationToken)).ToDictionary(p => p.Id);
        return keys.Where(k => owners.TryGetValue(k, out var productId) && visible.ContainsKey(productId))
            .Select(k => new FoundVariant(visible[owners[k]], k)).ToList();
    }
}
