using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary>What every cart mutation answers: the cart after the change, or the userErrors (and nothing changed).</summary>
internal sealed record CartPayload(Cart? Cart, IReadOnlyList<UserError> UserErrors)
{
    public static async Task<CartPayload?> RunAsync(Func<Task<Cart>> call) =>
        await ContractCalls.PayloadAsync(async () => new CartPayload(await call(), []), errors => new CartPayload(null, errors));
}

/// <summary>Names a cart mutation's input and payload types (<c>CartLinesAddInput</c>, <c>CartLinesAddPayload</c>).</summary>
internal interface ICartMutation
{
    static abstract string TypePrefix { get; }
}

internal sealed class CartLinesAdd : ICartMutation
{
    public static string TypePrefix => "CartLinesAdd";
}

internal sealed class CartLinesUpdate : ICartMutation
{
    public static string TypePrefix => "CartLinesUpdate";
}

internal sealed class CartLinesRemove : ICartMutation
{
    public static string TypePrefix => "CartLinesRemove";
}
