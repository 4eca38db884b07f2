using System.Globalization;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Shared.Contracts;
using ContractMoney = Marketplace.Shared.Contracts.V1.Money;
using Domain = Marketplace.Modules.Catalog.Domain;
using V1 = Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Modules.Catalog.GrpcServices;

/// <summary>What the use cases return, as the contract's messages.</summary>
internal static class CatalogMapping
{
    public static V1.Category ToContract(this Domain.Category category) => new()
    {
        Id = category.Id.ToString(),
        ParentId = category.ParentId?.ToString() ?? "",
        Name = category.Name,
        Slug = category.Slug,
        Position = category.Position,
        Path = category.Path,
        CreatedAt = Timestamps.Format(category.CreatedAt),
        UpdatedAt = Timestamps.Format(category.UpdatedAt),
    };

    public static IEnumerable<V1.Category> ToContract(this IEnumerable<Domain.Category> categories) => categories.Select(ToContract);

    public static V1.Product ToContract(this Domain.Product product)
    {
        var currency = product.Currency;
        var message = new V1.Product
        {
            Id = product.Id.ToString(),
            StoreId = product.StoreId.ToString(),
            SellerId = product.SellerId.ToString(),
            Title = product.Title,
            Slug = product.Slug,
            Description = product.Description,
            CategoryId = product.CategoryId.ToString(),
            Status = product.Status,
            Attributes = { product.Attributes },
            Images = { product.Images },
            Options = { product.Options.Select(o => new V1.ProductOption { Name = o.Name, Values = { o.Values } }) },
            MinPrice = Money(product.MinPrice, currency),
            MaxPrice = Money(product.MaxPrice, currency),
            Version = product.Version,
            CreatedAt = Timestamps.Format(product.CreatedAt),
            UpdatedAt = Timestamps.Format(product.UpdatedAt),
            PublishedAt = product.PublishedAt is { } published ? Timestamps.Format(published) : "",
        };
        foreach (var variant in product.Variants.OrderBy(v => v.Position))
        {
            var item = new V1.Variant
            {
                Id = variant.Id.ToString(),
                ProductId = product.Id.ToString(),
                Sku = variant.Sku,
                Price = Money(variant.Price, variant.Currency),
                Barcode = variant.Barcode ?? "",
                Position = variant.Position,
            };
            if (variant.CompareAtPrice is { } compareAt)
                item.CompareAtPrice = Money(compareAt, variant.Currency);
            if (variant.WeightGrams is { } weight)
                item.WeightGrams = weight;
            item.Options.AddRange(product.Options
                .Where(o => variant.OptionValues.ContainsKey(o.Name))
                .Select(o => new V1.SelectedOption { Name = o.Name, Value = variant.OptionValues[o.Name] }));
            message.Variants.Add(item);
        }

        return message;
    }

    public static IEnumerable<V1.Product> ToContract(this IEnumerable<Domain.Product> products) => products.Select(ToContract);

    public static V1.NearbyProduct ToContract(this SearchHit hit)
    {
        var message = new V1.NearbyProduct
        {
            ProductId = hit.ProductId.ToString(),
            StoreId = hit.StoreId.ToString(),
            Title = hit.Title,
            MinPrice = Money(hit.MinPrice, hit.Currency),
            MaxPrice = Money(hit.MaxPrice, hit.Currency),
            CategoryId = hit.CategoryId.ToString(),
            PublishedAt = Timestamps.Format(hit.PublishedAt),
            CreatedAt = Timestamps.Format(hit.CreatedAt),
            DistanceMeters = hit.DistanceMeters,
            Key = hit.Key.ToString(),
            Slug = hit.Slug,
        };
        if (hit.Store is { } store)
        {
            message.StoreName = store.Name;
            message.StoreSlug = store.Slug;
            message.StoreLocation = Location(store);
            message.StoreServiceRadiusKm = store.ServiceRadiusKm;
        }

        return message;
    }

    public static V1.ProductSearchFacets ToContract(this SearchFacets facets) => new()
    {
        Categories = { facets.Categories.Select(c => new V1.SearchFacetCount { Id = c.CategoryId.ToString(), Count = c.Count, Category = c.Category?.ToContract() }) },
        Stores = { facets.Stores.Select(s => StoreCount(s.StoreId, s.Count, s.Store)) },
        Prices = { facets.PriceBuckets.Select(p => PriceBucket(p.Bucket, p.Count)) },
        InStock = facets.InStock,
        OutOfStock = facets.OutOfStock,
    };

    private static V1.SearchFacetCount StoreCount(Guid storeId, long count, StoreFacts? store)
    {
        var message = new V1.SearchFacetCount { Id = storeId.ToString(), Count = count };
        if (store is not null)
        {
            message.StoreName = store.Name;
            message.StoreSlug = store.Slug;
            message.StoreLocation = Location(store);
            message.StoreServiceRadiusKm = store.ServiceRadiusKm;
        }

        return message;
    }

    private static Marketplace.Shared.Contracts.V1.GeoPoint Location(StoreFacts store) => new() { Latitude = store.Latitude, Longitude = store.Longitude };

    /// <summary>Bucket i of <see cref="SearchSql.PriceBucketBounds"/>: [bound i-1, bound i), open at either end.</summary>
    private static V1.PriceBucketCount PriceBucket(int bucket, long count)
    {
        var bounds = SearchSql.PriceBucketBounds;
        return new V1.PriceBucketCount
        {
            Min = bucket == 0 ? "" : bounds[bucket - 1].ToString("0.##", CultureInfo.InvariantCulture),
            Max = bucket >= bounds.Length ? "" : bounds[bucket].ToString("0.##", CultureInfo.InvariantCulture),
            Count = count,
        };
    }

    public static V1.SearchReindex ToContract(this SearchReindex run) => new()
    {
        Id = run.Id.ToString(),
        Status = run.Status,
        BatchSize = run.BatchSize,
        ProductsTotal = run.ProductsTotal,
        ProductsIndexed = run.ProductsIndexed,
        BatchesTotal = run.BatchesTotal,
        BatchesDone = run.BatchesDone,
        RequestedAt = Timestamps.Format(run.RequestedAt),
        StartedAt = run.StartedAt is { } started ? Timestamps.Format(started) : "",
        CompletedAt = run.CompletedAt is { } completed ? Timestamps.Format(completed) : "",
        Note = run.Note ?? "",
    };

    /// <summary>Exact invariant text with the currency's decimals ("12.50", "1200").</summary>
    private static ContractMoney Money(decimal amount, string currency) => new() { Amount = Domain.Money.Format(amount, currency), CurrencyCode = currency };
}
