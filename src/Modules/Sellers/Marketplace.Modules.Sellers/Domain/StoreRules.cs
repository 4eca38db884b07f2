namespace Marketplace.Modules.Sellers.Domain;

/// <summary>The limits of a store's fields and of a seller's stores (the GraphQL descriptions state them too).</summary>
internal static class StoreRules
{
    public const int MaxNameLength = 100;
    public const int MinSlugLength = 3;
    public const int MaxSlugLength = 60;
    public const int MaxDescriptionLength = 2000;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 32;
    public const int MaxAddressLength = 300;
    public const int MaxStoresPerSeller = 10;
    public const double MaxServiceRadiusKm = 200;
    public const double MaxSearchRadiusKm = 500;
    public const int MaxCategories = 5;
    public const int MinCategoryLength = 2;
    public const int MaxCategoryLength = 30;
    public const int MaxOpeningIntervals = 28;
    public const int MaxSuspensionReasonLength = 500;
    public const int MaxBatch = 200;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}
