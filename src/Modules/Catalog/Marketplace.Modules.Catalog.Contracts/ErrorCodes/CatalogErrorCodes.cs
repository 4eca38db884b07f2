using System.ComponentModel;

namespace Marketplace.Modules.Catalog.Contracts;

/// <summary>
/// The reasons the Catalog contract reports beside <see cref="Marketplace.Shared.Contracts.CommonErrorCodes"/>: as
/// <c>ErrorInfo.reason</c> and as field-violation codes, one class per family of use cases. The gateway publishes them as
/// the <c>CategoryErrorCode</c>, <c>ProductErrorCode</c> and <c>CatalogSearchErrorCode</c> enums. A code two families
/// report (<c>UNKNOWN_CATEGORY</c>) is declared in each, with the same value.
/// </summary>
public static class CatalogErrorCodes
{
    /// <summary>The taxonomy: <c>CatalogTaxonomy</c>'s category changes.</summary>
    public static class Taxonomy
    {
        [Description("No category with this id or slug.")]
        public const string CategoryNotFound = "CATEGORY_NOT_FOUND";

        [Description("The parent category given does not exist.")]
        public const string UnknownCategory = "UNKNOWN_CATEGORY";

        [Description("A slug is 2 to 60 lower-case letters, digits and single hyphens.")]
        public const string InvalidSlug = "INVALID_SLUG";

        [Description("Another category uses this slug (slugs are unique across the taxonomy).")]
        public const string SlugTaken = "SLUG_TAKEN";

        [Description("The taxonomy is at most 8 levels deep.")]
        public const string TooDeep = "TOO_DEEP";

        [Description("The taxonomy holds at most 5,000 categories.")]
        public const string TooManyCategories = "TOO_MANY_CATEGORIES";

        [Description("A category cannot move under itself or one of its descendants.")]
        public const string CategoryCycle = "CATEGORY_CYCLE";

        [Description("The category has child categories; move or delete them first.")]
        public const string CategoryHasChildren = "CATEGORY_HAS_CHILDREN";

        [Description("Products are filed under the category; move them first.")]
        public const string CategoryInUse = "CATEGORY_IN_USE";
    }

    /// <summary>Products and variants: <c>CatalogProducts</c>' listings, edits, publishing and reads.</summary>
    public static class Products
    {
        [Description("No product with this id that you may see or change.")]
        public const string ProductNotFound = "PRODUCT_NOT_FOUND";

        [Description("The product has no variant with this id (or the SKU names none you may see).")]
        public const string VariantNotFound = "VARIANT_NOT_FOUND";

        [Description("You run no store with this id.")]
        public const string NotStoreOwner = "NOT_STORE_OWNER";

        [Description("Only an ACTIVE store's products can be published.")]
        public const string StoreNotActive = "STORE_NOT_ACTIVE";

        [Description("No category with this id.")]
        public const string UnknownCategory = "UNKNOWN_CATEGORY";

        [Description("Another product of the store uses this SKU (SKUs are unique per store, whatever the case).")]
        public const string SkuTaken = "SKU_TAKEN";

        [Description("Another variant of this product uses this SKU.")]
        public const string DuplicateSku = "DUPLICATE_SKU";

        [Description("A SKU is printable ASCII without spaces, at most 64 characters.")]
        public const string InvalidSku = "INVALID_SKU";

        [Description("Another variant already has this combination of option values.")]
        public const string DuplicateVariant = "DUPLICATE_VARIANT";

        [Description("The same variant is given twice.")]
        public const string DuplicateVariantId = "DUPLICATE_VARIANT_ID";

        [Description("Changing the options changes the combinations: give the variants too.")]
        public const string VariantsRequired = "VARIANTS_REQUIRED";

        [Description("A product has at most 100 variants.")]
        public const string TooManyVariants = "TOO_MANY_VARIANTS";

        [Description("A product has at most 3 options.")]
        public const string TooManyOptions = "TOO_MANY_OPTIONS";

        [Description("An option has at most 50 values.")]
        public const string TooManyValues = "TOO_MANY_VALUES";

        [Description("An option is given twice (names compare case-insensitively).")]
        public const string DuplicateOption = "DUPLICATE_OPTION";

        [Description("An option value is given twice (values compare case-insensitively).")]
        public const string DuplicateOptionValue = "DUPLICATE_OPTION_VALUE";

        [Description("The product has no option of this name.")]
        public const string UnknownOption = "UNKNOWN_OPTION";

        [Description("Not one of the option's values.")]
        public const string UnknownOptionValue = "UNKNOWN_OPTION_VALUE";

        [Description("A variant needs exactly one value for each of the product's options.")]
        public const string MissingOptionValue = "MISSING_OPTION_VALUE";

        [Description("Too many items in the list (at most 50 attributes, 20 images).")]
        public const string TooMany = "TOO_MANY";

        [Description("An attribute key is given twice (keys compare case-insensitively).")]
        public const string DuplicateAttribute = "DUPLICATE_ATTRIBUTE";

        [Description("Not a supported ISO 4217 currency code.")]
        public const string InvalidCurrency = "INVALID_CURRENCY";

        [Description("Every variant of a product has the same currency.")]
        public const string CurrencyMismatch = "CURRENCY_MISMATCH";

        [Description("Not an exact decimal amount such as \"12.50\".")]
        public const string InvalidPrice = "INVALID_PRICE";

        [Description("A price cannot be negative.")]
        public const string NegativePrice = "NEGATIVE_PRICE";

        [Description("A price is at most 1,000,000,000.")]
        public const string PriceTooHigh = "PRICE_TOO_HIGH";

        [Description("More decimals than the currency has (2 for EUR, 0 for JPY); amounts are never rounded.")]
        public const string TooManyDecimals = "TOO_MANY_DECIMALS";

        [Description("The compare-at price must be higher than the price (or left out).")]
        public const string CompareAtNotAbovePrice = "COMPARE_AT_NOT_ABOVE_PRICE";

        [Description("A weight is 0 to 1,000,000 grams.")]
        public const string InvalidWeight = "INVALID_WEIGHT";

        [Description("A product status is DRAFT, ACTIVE or ARCHIVED.")]
        public const string InvalidStatus = "INVALID_STATUS";
    }

    /// <summary>Search: <c>CatalogSearch</c>'s nearby search and the projection's rebuild.</summary>
    public static class Search
    {
        [Description("The radius is above 0 and at most 100 km.")]
        public const string InvalidRadius = "INVALID_RADIUS";

        [Description("A price bound is a decimal from 0 to 1,000,000,000.")]
        public const string InvalidPrice = "INVALID_PRICE";

        [Description("The lowest price bound is above the highest.")]
        public const string InvalidPriceRange = "INVALID_PRICE_RANGE";

        [Description("A page holds 0 to 100 products.")]
        public const string InvalidPageSize = "INVALID_PAGE_SIZE";

        [Description("Sorting by RELEVANCE needs a text query.")]
        public const string QueryRequired = "QUERY_REQUIRED";

        [Description("No category with this id.")]
        public const string UnknownCategory = "UNKNOWN_CATEGORY";

        [Description("A rebuild batch holds 100 to 10,000 products.")]
        public const string InvalidBatchSize = "INVALID_BATCH_SIZE";

        [Description("No search rebuild with this id.")]
        public const string ReindexNotFound = "REINDEX_NOT_FOUND";
    }
}
