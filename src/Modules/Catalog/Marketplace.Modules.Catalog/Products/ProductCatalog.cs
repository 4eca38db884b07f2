using System.Text.Json;
using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;
using ProductOption = Marketplace.Modules.Catalog.Domain.ProductOption;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>
/// A seller's products: creation, edits, variant edits, publishing and archiving. Each change runs in one transaction
/// with the product row locked, bumps <see cref="ProductEntity.Version"/> once and writes its events to the outbox in
/// that transaction; a request that changes nothing changes no version and publishes nothing. A refused request
/// changes nothing.
/// </summary>
internal sealed class ProductCatalog(CatalogDbContext db, StoreAccess stores, TimeProvider clock)
{
    private const string SkuIndex = "ix_product_variants_store_id_sku_key";

    public async Task<ProductEntity> CreateAsync(Guid sellerId, CreateProductRequest request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.StoreId, out var storeId) || !await stores.IsOwnerAsync(storeId, sellerId, cancellationToken))
            throw Invalid(new FieldViolation("storeId", "You run no store with this id.", "NOT_STORE_OWNER"));

        var violations = new List<FieldViolation>();
        var title = request.Title.Trim();
        var description = request.Description.Trim();
        ProductRules.CheckTitle(title, violations);
        ProductRules.CheckDescription(description, violations);
        var attributes = ProductRules.CheckAttributes(request.Attributes.Select(a => (a.Key, a.Value)).ToList(), violations);
        var images = ProductRules.CheckImages(request.Images, violations);
        var options = ProductRules.CheckOptions(request.Options.Select(o => (o.Name, (IReadOnlyList<string>)o.Values)).ToList(), violations);
        var drafts = request.Variants.Select((v, i) => FromInput(v, $"variants.{i}", null)).ToList();
        ProductRules.CheckVariants(options, drafts, violations);
        var categoryId = await CheckCategoryAsync(request.CategoryId, violations, cancellationToken);
        if (violations.Count == 0)
            await CheckSkusFreeAsync(storeId, null, drafts, violations, cancellationToken);
        if (violations.Count > 0)
            throw Invalid(violations);

        var now = clock.GetUtcNow();
        var product = new ProductEntity
        {
            Id = Guid.CreateVersion7(),
            StoreId = storeId,
            SellerId = sellerId,
            Title = title,
            Description = description,
            CategoryId = categoryId,
            Status = ProductStatus.Draft,
            Attributes = attributes,
            Images = images,
            Options = options,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        for (var i = 0; i < drafts.Count; i++)
            product.Variants.Add(NewVariant(product, drafts[i], i));

        db.Products.Add(product);
        db.AddEvent(Updated(product, now));
        await SaveAsync(storeId, null, drafts, cancellationToken);
        return product;
    }

    public async Task<ProductEntity> UpdateAsync(Guid sellerId, UpdateProductRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var product = await LoadOwnedForUpdateAsync(request.Id, sellerId, "id", cancellationToken);
        var before = Snapshot(product);
        var oldPrices = product.Variants.ToDictionary(v => v.Id, v => v.Price);

        var violations = new List<FieldViolation>();
        if (request.HasTitle)
        {
            product.Title = request.Title.Trim();
            ProductRules.CheckTitle(product.Title, violations);
        }

        if (request.HasDescription)
        {
            product.Description = request.Description.Trim();
            ProductRules.CheckDescription(product.Description, violations);
        }

        if (request.HasCategoryId)
            product.CategoryId = await CheckCategoryAsync(request.CategoryId, violations, cancellationToken);
        if (request.SetAttributes)
            product.Attributes = ProductRules.CheckAttributes(request.Attributes.Select(a => (a.Key, a.Value)).ToList(), violations);
        if (request.SetImages)
            product.Images = ProductRules.CheckImages(request.Images, violations);

        var options = product.Options;
        if (request.SetOptions)
        {
            options = ProductRules.CheckOptions(request.Options.Select(o => (o.Name, (IReadOnlyList<string>)o.Values)).ToList(), violations);
            if (!request.SetVariants)
                violations.Add(new FieldViolation("variants", "Changing the options changes the combinations: give the variants too.", "VARIANTS_REQUIRED"));
        }

        List<VariantDraft>? drafts = null;
        if (request.SetVariants)
        {
            drafts = [];
            var named = new HashSet<Guid>();
            for (var i = 0; i < request.Variants.Count; i++)
            {
                var input = request.Variants[i];
                Guid? existing = null;
                if (input.Id.Length > 0)
                {
                    if (!Guid.TryParse(input.Id, out var id) || product.Variants.All(v => v.Id != id))
                        violations.Add(new FieldViolation($"variants.{i}.id", "This product has no variant with this id.", "VARIANT_NOT_FOUND"));
                    else if (!named.Add(id))
                        violations.Add(new FieldViolation($"variants.{i}.id", "This variant is given twice.", "DUPLICATE_VARIANT_ID"));
                    else
                        existing = id;
                }

                drafts.Add(FromInput(input, $"variants.{i}", existing));
            }

            ProductRules.CheckVariants(options, drafts, violations);
        }

        if (violations.Count == 0 && drafts is not null)
            await CheckSkusFreeAsync(product.StoreId, product.Id, drafts, violations, cancellationToken);
        if (violations.Count > 0)
            throw Invalid(violations);

        product.Options = options;
        if (drafts is not null)
            await ReplaceVariantsAsync(product, drafts, cancellationToken);

        return await CommitChangeAsync(transaction, product, before, oldPrices, drafts ?? [], cancellationToken);
    }

    public async Task<ProductEntity> UpdateVariantsAsync(Guid sellerId, UpdateVariantsRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var product = await LoadOwnedForUpdateAsync(request.ProductId, sellerId, "productId", cancellationToken);
        var before = Snapshot(product);
        var oldPrices = product.Variants.ToDictionary(v => v.Id, v => v.Price);

        var violations = new List<FieldViolation>();
        if (request.Variants.Count == 0)
            violations.Add(new FieldViolation("variants", "Name at least one variant to change.", "REQUIRED"));
        var touched = new Dictionary<Guid, VariantDraft>();
        for (var i = 0; i < request.Variants.Count; i++)
        {
            var update = request.Variants[i];
            var path = $"variants.{i}";
            var variant = Guid.TryParse(update.Id, out var id) ? product.Variants.FirstOrDefault(v => v.Id == id) : null;
            if (variant is null)
            {
                violations.Add(new FieldViolation($"{path}.id", "This product has no variant with this id.", "VARIANT_NOT_FOUND"));
                continue;
            }

            if (touched.ContainsKey(id))
            {
                violations.Add(new FieldViolation($"{path}.id", "This variant is given twice.", "DUPLICATE_VARIANT_ID"));
                continue;
            }

            var draft = VariantDraft.From(variant, product.Options);
            draft = new VariantDraft
            {
                ExistingId = draft.ExistingId,
                Path = path,
                Sku = update.HasSku ? update.Sku : draft.Sku,
                Options = update.Options.Count > 0 ? update.Options.Select(o => (o.Name, o.Value)).ToList() : draft.Options,
                PriceText = update.HasPrice ? update.Price : draft.PriceText,
                CompareAtText = update.HasCompareAtPrice ? update.CompareAtPrice : draft.CompareAtText,
                Currency = update.HasCurrency ? update.Currency : draft.Currency,
                Barcode = update.HasBarcode ? update.Barcode : draft.Barcode,
                WeightGrams = update.RemoveWeightGrams ? null : update.HasWeightGrams ? update.WeightGrams : draft.WeightGrams,
            };
            touched[id] = draft;
        }

        // The whole resulting set is checked (currency, combinations, SKUs), in the product's variant order.
        var drafts = product.Variants.OrderBy(v => v.Position)
            .Select(v => touched.TryGetValue(v.Id, out var draft) ? draft : VariantDraft.From(v, product.Options))
            .ToList();
        if (violations.Count == 0)
            ProductRules.CheckVariants(product.Options, drafts, violations);
        if (violations.Count == 0)
            await CheckSkusFreeAsync(product.StoreId, product.Id, drafts, violations, cancellationToken);
        if (violations.Count > 0)
            throw Invalid(violations);

        await ReplaceVariantsAsync(product, drafts, cancellationToken);
        return await CommitChangeAsync(transaction, product, before, oldPrices, drafts, cancellationToken);
    }

    public async Task<ProductEntity> PublishAsync(Guid sellerId, string productId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var product = await LoadOwnedForUpdateAsync(productId, sellerId, "id", cancellationToken);
        if (product.Status == ProductStatus.Active)
            return product;
        if (!(await stores.ActiveAsync([product.StoreId], cancellationToken)).Contains(product.StoreId))
            throw ContractError.FailedPrecondition("STORE_NOT_ACTIVE", "Only an ACTIVE store's products can be published.");

        var now = clock.GetUtcNow();
        product.Status = ProductStatus.Active;
        product.PublishedAt = now;
        product.UpdatedAt = now;
        product.Version++;
        db.AddEvent(new ProductPublished(product.Id, product.StoreId, product.Title, product.CategoryId, product.MinPrice, product.MaxPrice, product.Currency, product.Version, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    public async Task<ProductEntity> ArchiveAsync(Guid sellerId, string productId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var product = await LoadOwnedForUpdateAsync(productId, sellerId, "id", cancellationToken);
        if (product.Status == ProductStatus.Archived)
            return product;

        var now = clock.GetUtcNow();
        product.Status = ProductStatus.Archived;
        product.UpdatedAt = now;
        product.Version++;
        db.AddEvent(new ProductArchived(product.Id, product.StoreId, product.Version, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    /// <summary>
    /// Demo data: an ACTIVE product created directly for a store (no caller to check), with the ProductPublished event
    /// the search projection needs. Validated by the same rules; returns null when refused.
    /// </summary>
    public async Task<ProductEntity?> SeedActiveAsync(Guid storeId, Guid sellerId, CreateProductRequest request, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var options = ProductRules.CheckOptions(request.Options.Select(o => (o.Name, (IReadOnlyList<string>)o.Values)).ToList(), violations);
        var drafts = request.Variants.Select((v, i) => FromInput(v, $"variants.{i}", null)).ToList();
        ProductRules.CheckVariants(options, drafts, violations);
        var images = ProductRules.CheckImages(request.Images, violations);
        var attributes = ProductRules.CheckAttributes(request.Attributes.Select(a => (a.Key, a.Value)).ToList(), violations);
        if (violations.Count > 0 || !Guid.TryParse(request.CategoryId, out var categoryId))
            return null;

        var now = clock.GetUtcNow();
        var product = new ProductEntity
        {
            Id = Guid.CreateVersion7(),
            StoreId = storeId,
            SellerId = sellerId,
            Title = request.Title,
            Description = request.Description,
            CategoryId = categoryId,
            Status = ProductStatus.Active,
            Attributes = attributes,
            Images = images,
            Options = options,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = now,
        };
        for (var i = 0; i < drafts.Count; i++)
            product.Variants.Add(NewVariant(product, drafts[i], i));
        db.Products.Add(product);
        db.AddEvent(new ProductPublished(product.Id, storeId, product.Title, categoryId, product.MinPrice, product.MaxPrice, product.Currency, product.Version, now));
        return product;
    }

    private async Task<ProductEntity> CommitChangeAsync(
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, ProductEntity product, string before,
        Dictionary<Guid, decimal> oldPrices, List<VariantDraft> drafts, CancellationToken cancellationToken)
    {
        if (Snapshot(product) == before)
        {
            // Nothing changed: no version, no event (a retried request publishes nothing twice).
            return product;
        }

        var now = clock.GetUtcNow();
        product.UpdatedAt = now;
        product.Version++;
        db.AddEvent(Updated(product, now));
        foreach (var variant in product.Variants.OrderBy(v => v.Position))
        {
            if (oldPrices.TryGetValue(variant.Id, out var oldPrice) && oldPrice != variant.Price)
                db.AddEvent(new VariantPriceChanged(product.Id, variant.Id, product.StoreId, variant.Sku, oldPrice, variant.Price, variant.CompareAtPrice, variant.Currency, now));
        }

        await SaveAsync(product.StoreId, product.Id, drafts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    /// <summary>
    /// Makes the product's variants match the drafts (kept ones changed, new ones added, others removed). When a SKU
    /// moves between variants of this product (a swap, or a removed variant's SKU reused), the rows first take
    /// placeholder SKUs so the unique index never sees two rows with one SKU in between.
    /// </summary>
    private async Task ReplaceVariantsAsync(ProductEntity product, List<VariantDraft> drafts, CancellationToken cancellationToken)
    {
        var keep = drafts.Where(d => d.ExistingId is not null).Select(d => d.ExistingId!.Value).ToHashSet();
        var current = product.Variants.ToDictionary(v => v.Id);
        var reused = drafts.Any(d =>
        {
            var key = d.Sku.ToLowerInvariant();
            return current.Values.Any(v => v.Sku.Equals(key, StringComparison.OrdinalIgnoreCase) && v.Id != d.ExistingId);
        });
        if (reused)
        {
            foreach (var variant in product.Variants.Where(v => !keep.Contains(v.Id)).ToList())
            {
                product.Variants.Remove(variant);
                db.Variants.Remove(variant);
            }

            foreach (var draft in drafts.Where(d => d.ExistingId is not null))
                current[draft.ExistingId!.Value].Sku = "~" + Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync(cancellationToken);
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            if (draft.ExistingId is { } id)
            {
                var variant = current[id];
                variant.Sku = draft.Sku;
                variant.OptionValues = draft.OptionValues;
                variant.Price = draft.Price;
                variant.CompareAtPrice = draft.CompareAtPrice;
                variant.Currency = draft.Currency;
                variant.Barcode = draft.Barcode;
                variant.WeightGrams = draft.WeightGrams;
                variant.Position = i;
            }
            else
            {
                // Added explicitly: a new entity with its key already set, found only through the navigation, would be
                // taken for an existing row.
                var variant = NewVariant(product, draft, i);
                product.Variants.Add(variant);
                db.Variants.Add(variant);
            }
        }

        foreach (var variant in product.Variants.Where(v => v.Id != Guid.Empty && current.ContainsKey(v.Id) && !keep.Contains(v.Id)).ToList())
        {
            product.Variants.Remove(variant);
            db.Variants.Remove(variant);
        }
    }

    /// <summary>Saves; a SKU another product of the store took meanwhile (unique index) becomes SKU_TAKEN, a category deleted meanwhile UNKNOWN_CATEGORY.</summary>
    private async Task SaveAsync(Guid storeId, Guid? productId, List<VariantDraft> drafts, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: SkuIndex })
        {
            // A concurrent request of the store took a SKU after our check. The transaction is spent: roll back, then
            // look again (the other one has committed) to name the variant at fault.
            db.ChangeTracker.Clear();
            if (db.Database.CurrentTransaction is { } transaction)
                await transaction.RollbackAsync(cancellationToken);
            var violations = new List<FieldViolation>();
            await CheckSkusFreeAsync(storeId, productId, drafts, violations, cancellationToken);
            throw Invalid(violations.Count > 0 ? violations : [new FieldViolation("variants", "Another product of this store uses one of these SKUs.", "SKU_TAKEN")]);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            throw Invalid(new FieldViolation("categoryId", "There is no category with this id.", "UNKNOWN_CATEGORY"));
        }
    }

    private async Task CheckSkusFreeAsync(Guid storeId, Guid? productId, List<VariantDraft> drafts, List<FieldViolation> violations, CancellationToken cancellationToken)
    {
        var keys = drafts.Select(d => d.Sku.ToLowerInvariant()).ToList();
        var taken = await db.Variants.AsNoTracking()
            .Where(v => v.StoreId == storeId && keys.Contains(v.SkuKey) && v.ProductId != productId)
            .Select(v => v.SkuKey)
            .ToListAsync(cancellationToken);
        foreach (var draft in drafts.Where(d => taken.Contains(d.Sku.ToLowerInvariant())))
            violations.Add(new FieldViolation($"{draft.Path ?? "variants"}.sku", $"Another product of this store uses the SKU '{draft.Sku}'.", "SKU_TAKEN"));
    }

    private async Task<Guid> CheckCategoryAsync(string categoryId, List<FieldViolation> violations, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(categoryId, out var id) && await db.Categories.AnyAsync(c => c.Id == id, cancellationToken))
            return id;
        violations.Add(new FieldViolation("categoryId", "There is no category with this id.", "UNKNOWN_CATEGORY"));
        return Guid.Empty;
    }

    /// <summary>
    /// Locks the product's row for this transaction and loads it with its variants. Unknown ids and products of stores
    /// the seller does not run read alike (PRODUCT_NOT_FOUND): a seller learns nothing about others' drafts.
    /// </summary>
    private async Task<ProductEntity> LoadOwnedForUpdateAsync(string productId, Guid sellerId, string field, CancellationToken cancellationToken)
    {
        var notFound = Invalid(new FieldViolation(field, "You have no product with this id.", "PRODUCT_NOT_FOUND"));
        if (!Guid.TryParse(productId, out var id))
            throw notFound;
        var locked = await db.Database.SqlQuery<Guid>($"SELECT store_id AS \"Value\" FROM catalog.products WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken);
        if (locked.Count == 0 || !await stores.IsOwnerAsync(locked[0], sellerId, cancellationToken))
            throw notFound;
        return await db.Products.Include(p => p.Variants).FirstAsync(p => p.Id == id, cancellationToken);
    }

    private static VariantDraft FromInput(VariantInput input, string path, Guid? existing) => new()
    {
        ExistingId = existing,
        Path = path,
        Sku = input.Sku,
        Options = input.Options.Select(o => (o.Name, o.Value)).ToList(),
        PriceText = input.Price,
        CompareAtText = input.CompareAtPrice,
        Currency = input.Currency,
        Barcode = input.Barcode,
        WeightGrams = input.HasWeightGrams ? input.WeightGrams : null,
    };

    private static ProductVariant NewVariant(ProductEntity product, VariantDraft draft, int position) => new()
    {
        Id = Guid.CreateVersion7(),
        ProductId = product.Id,
        StoreId = product.StoreId,
        Sku = draft.Sku,
        OptionValues = draft.OptionValues,
        Price = draft.Price,
        CompareAtPrice = draft.CompareAtPrice,
        Currency = draft.Currency,
        Barcode = draft.Barcode,
        WeightGrams = draft.WeightGrams,
        Position = position,
    };

    private static ProductUpdated Updated(ProductEntity product, DateTimeOffset now) =>
        new(product.Id, product.StoreId, product.Title, product.CategoryId, product.Status, product.MinPrice, product.MaxPrice, product.Currency, product.Version, now);

    /// <summary>Everything a listing shows, as text: equal snapshots mean the request changed nothing.</summary>
    private static string Snapshot(ProductEntity product) => JsonSerializer.Serialize(new
    {
        product.Title,
        product.Description,
        product.CategoryId,
        product.Status,
        Attributes = product.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToList(),
        product.Images,
        product.Options,
        Variants = product.Variants.OrderBy(v => v.Position).Select(v => new
        {
            v.Id,
            v.Sku,
            OptionValues = v.OptionValues.OrderBy(o => o.Key, StringComparer.Ordinal).ToList(),
            // By value: 9.5 and 9.50 are one price (decimals keep their scale in text otherwise).
            Price = Exact(v.Price),
            CompareAtPrice = v.CompareAtPrice is { } compareAt ? Exact(compareAt) : null,
            v.Currency,
            v.Barcode,
            v.WeightGrams,
            v.Position,
        }),
    });

    private static string Exact(decimal value) => value.ToString("G29", System.Globalization.CultureInfo.InvariantCulture);

    private static Grpc.Core.RpcException Invalid(params IEnumerable<FieldViolation> violations) =>
        ContractError.InvalidArgument("INVALID_INPUT", "The product is not valid.", violations);
}
