namespace Marketplace.Modules.Notifications.Domain;

/// <summary>
/// Channels, categories and delivery states as the contract spells them (<c>IN_APP</c>, <c>FOLLOWED_STORES</c>,
/// <c>SENT</c>), and back. The database keeps the C# names.
/// </summary>
internal static class WireNames
{
    public static string Of(Category category) => category switch
    {
        Category.Account => "ACCOUNT",
        Category.Orders => "ORDERS",
        Category.FollowedStores => "FOLLOWED_STORES",
        _ => "MARKETING",
    };

    public static string Of(Channel channel) => channel switch
    {
        Channel.Email => "EMAIL",
        Channel.Push => "PUSH",
        _ => "IN_APP",
    };

    public static string Of(DeliveryState state) => state.ToString().ToUpperInvariant();

    public static Category? ParseCategory(string value) => value switch
    {
        "ACCOUNT" => Category.Account,
        "ORDERS" => Category.Orders,
        "FOLLOWED_STORES" => Category.FollowedStores,
        "MARKETING" => Category.Marketing,
        _ => null,
    };

    public static Channel? ParseChannel(string value) => value switch
    {
        "EMAIL" => Channel.Email,
        "PUSH" => Channel.Push,
        "IN_APP" => Channel.InApp,
        _ => null,
    };

    public static DeliveryState? ParseState(string value) =>
        Enum.GetValues<DeliveryState>().Select(s => (DeliveryState?)s).FirstOrDefault(s => Of(s!.Value) == value);
}
