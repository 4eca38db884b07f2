using System.Globalization;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Modules.Catalog.Products;
using Marketplace.Modules.Catalog.Products.CreateProduct;
using Marketplace.Shared.Media;
using Marketplace.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using CategoryEntity = Marketplace.Modules.Catalog.Domain.Category;
using ProductStatus = Marketplace.Modules.Catalog.Domain.ProductStatus;

namespace Marketplace.Modules.Catalog.DemoData;

/// <summary>
/// Development demo data: a small taxonomy (always), and about 300 ACTIVE products with variants across the Sellers
/// module's demo stores (found by slug through its contract; a store that is absent is skipped quietly). Idempotent:
/// categories are found by slug, products by their first SKU in the store. Seeded products are published with a
/// ProductPublished event, so the search projection picks them up like any other. Each product shows the Media demo
/// image of its product line (a <see cref="DemoMedia"/> id the Media seeder renders; <c>product_media_changed.v1</c>
/// tells Media it is used); demo products seeded before the Media module (external images) are switched to it.
/// </summary>
internal sealed class CatalogDemoData(
    CatalogDbContext db, StoreAccess stores, IHostEnvironment environment, TimeProvider clock, ILogger<CatalogDemoData> logger)
    : IModuleSeeder
{
    public const int ProductsPerStore = 50;

    /// <summary>(slug, name, parent slug) in creation order: parents first.</summary>
    public static readonly (string Slug, string Name, string? Parent)[] Categories =
    [
        ("food", "Food", null),
        ("bakery", "Bakery", "food"),
        ("books", "Books", null),
        ("electronics", "Electronics", null),
        ("phones", "Phones", "electronics"),
        ("home-garden", "Home & Garden", null),
        ("plants", "Plants", "home-garden"),
        ("fashion", "Fashion", null),
        ("shoes", "Shoes", "fashion"),
        ("groceries", "Groceries", null),
    ];

    private static readonly StorePlan[] Plans =
    [
        new("demo-lisbon-bakery", "bakery", "BAK", ["Sourdough loaf", "Pastel de nata", "Croissant", "Broa de milho", "Bolo de arroz", "Rye bread", "Brioche", "Focaccia", "Bolo rei", "Baguette"],
            ["Classic", "Wholegrain", "Organic", "Rustic", "Family"], "Size", ["Single", "Box of 6"], 1.20m, "flour", "wheat"),
        new("demo-alfama-books", "books", "BKS", ["Lisbon stories", "Poems of the sea", "A guide to Alfama", "Fado lyrics", "Tram 28", "The Tagus", "Azulejos", "Saudade", "Old maps", "Night trams"],
            ["Volume I", "Volume II", "Illustrated", "Pocket", "Collector's"], "Format", ["Paperback", "Hardcover"], 9.90m, "language", "Portuguese"),
        new("demo-baixa-electronics", "phones", "ELE", ["Phone case", "USB-C charger", "Screen protector", "Wireless earbuds", "Power bank", "Car mount", "Charging cable", "Phone stand", "Smart tag", "Bluetooth speaker"],
            ["Lite", "Pro", "Max", "Mini", "Plus"], "Colour", ["Black", "White", "Blue"], 14.90m, "warranty", "2 years"),
        new("demo-belem-garden", "plants", "GRD", ["Olive tree", "Lavender", "Rosemary", "Monstera", "Fiddle leaf fig", "Succulent mix", "Bougainvillea", "Lemon tree", "Basil", "Orchid"],
            ["Young", "Potted", "Large", "Hanging", "Indoor"], "Pot", ["12 cm", "20 cm"], 6.50m, "light", "full sun"),
        new("demo-chiado-fashion", "shoes", "FSH", ["Leather loafers", "Canvas sneakers", "Ankle boots", "Espadrilles", "Sandals", "Derby shoes", "Slip-ons", "Chelsea boots", "Running shoes", "Mules"],
            ["Classic", "Summer", "Vintage", "Urban", "Cork"], "Size", ["38", "40", "42", "44"], 49.00m, "material", "leather"),
        new("demo-lx-grocer", "groceries", "GRC", ["Olive oil", "Sardines in oil", "Coffee beans", "Honey", "Piri-piri sauce", "Sea salt", "Almonds", "Dried figs", "Rice", "Chickpeas"],
            ["Extra", "Organic", "Traditional", "Premium", "Local"], "Pack", ["250 g", "500 g", "1 kg"], 2.40m, "origin", "Portugal"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
            return;
        var categories = await SeedCategoriesAsync(cancellationToken);
        foreach (var plan in Plans)
        {
            var store = await stores.FindBySlugAsync(plan.StoreSlug, cancellationToken);
            if (store is null)
                continue;
            var added = await SeedStoreAsync(plan, Guid.Parse(store.Id), Guid.Parse(store.SellerId), categories[plan.CategorySlug], cancellationToken);
            if (added > 0)
                logger.LogInformation("Catalog demo data: {Count} products for {Store}", added, plan.StoreSlug);
        }
    }

    private async Task<Dictionary<string, Guid>> SeedCategoriesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Categories.ToDictionaryAsync(c => c.Slug, cancellationToken);
        var now = clock.GetUtcNow();
        for (var i = 0; i < Categories.Length; i++)
        {
            var (slug, name, parentSlug) = Categories[i];
            if (existing.ContainsKey(slug))
                continue;
            var parent = parentSlug is null ? null : existing[parentSlug];
            var category = new CategoryEntity
            {
                Id = Guid.CreateVersion7(),
                ParentId = parent?.Id,
                Name = name,
                Slug = slug,
                Path = parent is null ? slug : $"{parent.Path}/{slug}",
                Position = i,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Categories.Add(category);
            existing[slug] = category;
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing.ToDictionary(e => e.Key, e => e.Value.Id);
    }

    private async Task<int> SeedStoreAsync(StorePlan plan, Guid storeId, Guid sellerId, Guid categoryId, CancellationToken cancellationToken)
    {
        var prefix = $"demo-{plan.SkuPrefix}-".ToLowerInvariant();
        var taken = (await db.Variants.Where(v => v.StoreId == storeId && v.SkuKey.StartsWith(prefix)).Select(v => v.SkuKey).ToListAsync(cancellationToken)).ToHashSet();
        await UseDemoImagesAsync(plan, storeId, cancellationToken);
        var added = 0;
        for (var n = 0; n < ProductsPerStore; n++)
        {
            var request = Product(plan, n, categoryId);
            if (taken.Contains(request.Variants[0].Sku.ToLowerInvariant()))
                continue;
            if (SeedActive(storeId, sellerId, categoryId, request))
                added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// An ACTIVE product created directly for a store (no caller to check), with the <c>product_published.v1</c> the search
    /// projection needs. Checked by the listing rules; false (nothing added) when refused.
    /// </summary>
    private bool SeedActive(Guid storeId, Guid sellerId, Guid categoryId, CreateProductRequest request)
    {
        var listing = CreateProductCommand.From(sellerId, request);
        var options = ListingRules.Options(listing.Options);
        var violations = ListingRules.CheckAttributes(listing.Attributes)
            .Concat(ListingRules.CheckImages(listing.Images))
            .Concat(ListingRules.CheckOptions(listing.Options))
            .Concat(ListingRules.CheckVariants(options, listing.Variants));
        if (violations.Any())
            return false;

        var now = clock.GetUtcNow();
        var product = ProductChanges.New(
            storeId, sellerId, listing.Title, listing.Description, categoryId, ProductStatus.Active, listing.Attributes, listing.Images, options, listing.Variants, now);
        db.Products.Add(product);
        db.AddEvent(ProductChanges.Published(product, now));
        ProductMedia.Publish(db, product, now);
        return true;
    }

    /// <summary>Demo products from before the Media module (an external picsum image) get their product line's demo image.</summary>
    private async Task UseDemoImagesAsync(StorePlan plan, Guid storeId, CancellationToken cancellationToken)
    {
        var products = await db.Products.Include(p => p.Variants).Where(p => p.StoreId == storeId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var product in products.Where(p => p.Images.Any(i => i.StartsWith("https://picsum.photos/", StringComparison.Ordinal))))
        {
            var line = plan.Names.FirstOrDefault(n => product.Title.StartsWith(n + " — ", StringComparison.Ordinal));
            if (line is null)
                continue;
            var before = ProductChanges.Snapshot(product);
            product.Images = [DemoMedia.ProductImage(plan.StoreSlug, line).ToString()];
            ProductChanges.Commit(db, product, before, product.Variants.ToDictionary(v => v.Id, v => v.Price), now);
            ProductMedia.Publish(db, product, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The n-th demo product of a store: a base name with a variation, one variant per option value (fewer for some).</summary>
    private static CreateProductRequest Product(StorePlan plan, int n, Guid categoryId)
    {
        var name = plan.Names[n % plan.Names.Length];
        var variation = plan.Variations[n / plan.Names.Length % plan.Variations.Length];
        var values = plan.OptionValues.Take(1 + (n % plan.OptionValues.Length)).ToList();
        var request = new CreateProductRequest
        {
            Title = $"{name} — {variation}",
            Description = $"{variation} {name.ToLowerInvariant()} from a Lisbon shop (demo data).",
            CategoryId = categoryId.ToString(),
            Images = { DemoMedia.ProductImage(plan.StoreSlug, name).ToString() },
            Attributes = { new ProductAttribute { Key = plan.AttributeKey, Value = plan.AttributeValue } },
            Options = { new ProductOption { Name = plan.OptionName, Values = { values } } },
        };
        for (var v = 0; v < values.Count; v++)
        {
            var price = plan.BasePrice + (n % 7) * 0.5m + v * plan.BasePrice / 2;
            var variant = new VariantInput
            {
                Sku = $"DEMO-{plan.SkuPrefix}-{n + 1:D3}-{v + 1}",
                Price = decimal.Round(price, 2).ToString(CultureInfo.InvariantCulture),
                CurrencyCode = "EUR",
                CompareAtPrice = n % 5 == 0 ? decimal.Round(price * 1.25m, 2).ToString(CultureInfo.InvariantCulture) : "",
            };
            variant.Options.Add(new SelectedOption { Name = plan.OptionName, Value = values[v] });
            request.Variants.Add(variant);
        }

        return request;
    }

    private sealed record StorePlan(
        string StoreSlug, string CategorySlug, string SkuPrefix, string[] Names, string[] Variations, string OptionName, string[] OptionValues,
        decimal BasePrice, string AttributeKey, string AttributeValue);
}
