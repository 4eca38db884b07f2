using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>StoreCloseInput</c> and its siblings: the store's id (and a reason for a suspension).</summary>
internal sealed class StoreStatusInputType<TMutation> : InputObjectGraphType
    where TMutation : IStoreMutation
{
    public StoreStatusInputType()
    {
        Name = TMutation.TypePrefix + "Input";
        Description = $"The store for {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The store.");
        if (typeof(TMutation) == typeof(StoreSuspend))
            Field<NonNullGraphType<StringGraphType>>("reason").Description("Shown to the store's seller; at most 500 characters.");
    }
}
