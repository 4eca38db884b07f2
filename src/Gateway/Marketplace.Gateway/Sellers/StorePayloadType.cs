using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>StoreCreatePayload</c>, <c>StoreUpdatePayload</c>, …: the store after the change, or userErrors.</summary>
internal sealed class StorePayloadType<TMutation> : ObjectGraphType<StorePayload>
    where TMutation : IStoreMutation
{
    public StorePayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Description = $"The result of {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}: the store, or why nothing changed.";
        Field<StoreType>("store").Description("The store after the change; null when the mutation failed (or you may no longer see it).").Resolve(c => c.Source.Store);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<StoreErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
