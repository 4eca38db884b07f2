namespace Marketplace.Modules.Catalog.Domain;

/// <summary>Bounds shared by validation and the schema.</summary>
internal static class CatalogRules
{
    public const int MaxCategoryNameLength = 100;
    public const int MinSlugLength = 2;
    public const int MaxSlugLength = 60;
    public const int MaxCategoryDepth = 8;
    public const int MaxCategories = 5000;

    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 10_000;
    public const int MaxAttributes = 50;
    public const int MaxAttributeKeyLength = 50;
    public const int MaxAttributeValueLength = 500;
    public const int MaxImages = 20;
    public const int MaxOptions = 3;
    public const int MaxOptionNameLength = 50;
    public const int MaxValuesPerOption = 50;
    public const int MaxOptionValueLength = 50;
    public const int MaxVariants = 100;
    public const int MaxSkuLength = 64;
    public const int MaxBarcodeLength = 64;
    public const int MaxWeightGrams = 1_000_000;

    /// <summary>Largest price or compare-at price (numeric(19,4) holds far more; this keeps typos out).</summary>
    public const decimal MaxPrice = 1_000_000_000m;
}
