using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>StoreFollowInput</c> and <c>StoreUnfollowInput</c>.</summary>
internal sealed class StoreFollowInputType<TMutation> : InputObjectGraphType
    where TMutation : IStoreMutation
{
    public StoreFollowInputType()
    {
        Name = TMutation.TypePrefix + "Input";
        Description = "The store to follow or stop following.";
        Field<NonNullGraphType<IdGraphType>>("storeId").Description("The store.");
    }
}
