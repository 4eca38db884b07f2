using GraphQL.Types;

namespace Marketplace.Gateway.Schema;

/// <summary>The Query root: fields come from the contributions, in registration order.</summary>
internal sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<ISchemaContribution> contributions)
    {
        Name = "Query";
        Description = "Everything a client can read: start at `viewer` (you), `storesNear` and `productsNear` (what is around a place), or `node` (any object by id).";
        foreach (var contribution in contributions)
            contribution.ConfigureQuery(this);
    }
}

internal sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<ISchemaContribution> contributions)
    {
        Name = "Mutation";
        Description = "Everything a client can change. Each mutation takes one `input` and answers a payload whose `userErrors` list expected failures.";
        foreach (var contribution in contributions)
            contribution.ConfigureMutation(this);
    }
}

internal sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType(IEnumerable<ISchemaContribution> contributions)
    {
        Name = "Subscription";
        Description = "Live events over WebSocket (graphql-transport-ws) at /graphql.";
        foreach (var contribution in contributions)
            contribution.ConfigureSubscription(this);
    }
}
