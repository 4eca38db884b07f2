using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary>What every order lifecycle mutation answers: the order after the move, or the userErrors (and nothing changed).</summary>
internal sealed record OrderTransitionPayload(Order? Order, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>Invalid input, INVALID_TRANSITION and ORDER_NOT_FOUND (on <c>orderId</c>) become userErrors.</summary>
    public static async Task<OrderTransitionPayload?> RunAsync(Func<Task<Order>> call) =>
        await ContractCalls.PayloadAsync(async () => new OrderTransitionPayload(await call(), []), errors => new OrderTransitionPayload(null, errors), notFoundField: "orderId");
}

/// <summary>Names an order mutation's input and payload types (<c>OrderAcceptInput</c>, <c>OrderAcceptPayload</c>).</summary>
internal interface IOrderMutation
{
    static abstract string TypePrefix { get; }

    /// <summary>Whether the input has a <c>reason</c>, and whether it must be given.</summary>
    static abstract (bool Has, bool Required) Reason { get; }
}

internal sealed class OrderAccept : IOrderMutation
{
    public static string TypePrefix => "OrderAccept";

    public static (bool Has, bool Required) Reason => (false, false);
}

internal sealed class OrderReject : IOrderMutation
{
    public static string TypePrefix => "OrderReject";

    public static (bool Has, bool Required) Reason => (true, true);
}

internal sealed class OrderMarkReady : IOrderMutation
{
    public static string TypePrefix => "OrderMarkReady";

    public static (bool Has, bool Required) Reason => (false, false);
}

internal sealed class OrderMarkOutForDelivery : IOrderMutation
{
    public static string TypePrefix => "OrderMarkOutForDelivery";

    public static (bool Has, bool Required) Reason => (false, false);
}

internal sealed class OrderMarkDelivered : IOrderMutation
{
    public static string TypePrefix => "OrderMarkDelivered";

    public static (bool Has, bool Required) Reason => (false, false);
}

internal sealed class OrderCancel : IOrderMutation
{
    public static string TypePrefix => "OrderCancel";

    // Optional for the buyer, required for an administrator: the module says which (REQUIRED on input.reason).
    public static (bool Has, bool Required) Reason => (true, false);
}
