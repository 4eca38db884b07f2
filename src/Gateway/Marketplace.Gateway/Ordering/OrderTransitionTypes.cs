using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderAcceptInput</c> and its siblings: the order (and a reason where one is asked for).</summary>
internal sealed class OrderTransitionInputType<TMutation> : InputObjectGraphType
    where TMutation : IOrderMutation
{
    public OrderTransitionInputType()
    {
        Name = TMutation.TypePrefix + "Input";
        Description = $"The order for {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The Order.");
        switch (TMutation.Reason)
        {
            case (true, true):
                Field<NonNullGraphType<StringGraphType>>("reason").Description("Why; the buyer sees it. 1 to 500 characters.");
                break;
            case (true, false):
                Field<StringGraphType>("reason").Description("Why; at most 500 characters. Required when an administrator cancels.");
                break;
        }
    }
}

/// <summary><c>OrderAcceptPayload</c> and its siblings.</summary>
internal sealed class OrderTransitionPayloadType<TMutation> : ObjectGraphType<OrderTransitionPayload>
    where TMutation : IOrderMutation
{
    public OrderTransitionPayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Description = $"The result of {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}: the order after the move, or why nothing changed.";
        Field<OrderType>("order").Description("The order after the move; null when it failed.").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<OrderErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success. INVALID_TRANSITION names the order's status and the one asked for; ORDER_NOT_FOUND when it is not an order you may move.")
            .Resolve(c => c.Source.UserErrors);
    }
}
