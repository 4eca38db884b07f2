namespace Marketplace.Modules.Ordering.Domain;

/// <summary>The limits of carts and checkouts (stated in the GraphQL descriptions too).</summary>
internal static class OrderingRules
{
    /// <summary>Different variants in one cart.</summary>
    public const int MaxLines = 100;

    /// <summary>Units of one variant in one cart.</summary>
    public const int MaxQuantity = 99;

    public const int MaxIdempotencyKeyLength = 100;

    public const int MaxPageSize = 100;

    public const int DefaultPageSize = 20;
}

internal static class Fulfilment
{
    public const string Delivery = "DELIVERY";
    public const string Pickup = "PICKUP";
}

internal static class PaymentMethods
{
    public const string PayOnDelivery = "PAY_ON_DELIVERY";
    public const string PayAtPickup = "PAY_AT_PICKUP";
    public const string Card = "CARD";

    public static readonly IReadOnlyList<string> All = [PayOnDelivery, PayAtPickup, Card];
}
