using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>PayoutMarkPaidPayload</c>, <c>LedgerAdjustPayload</c>, …: the result under its own name, or userErrors.</summary>
internal sealed class PayoutPayloadType<TMutation, TValueType, TValue> : ObjectGraphType<PayoutPayload>
    where TMutation : IPayoutMutation
    where TValueType : IGraphType
{
    public PayoutPayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Description = $"The result of {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}, or why nothing changed.";
        Field<TValueType>(TMutation.ValueField).Description(TMutation.ValueDescription).Resolve(c => c.Source.Value is TValue value ? (object?)value : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<PayoutErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
