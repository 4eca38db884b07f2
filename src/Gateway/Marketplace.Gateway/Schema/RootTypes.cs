using GraphQL.Types;

namespace Marketplace.Gateway.Schema;

/// <summary>The Query root: fields come from the contributions, in registration order.</summary>
internal sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<ISchemaContribution> contributions)
    {
        Name = "Query";
        foreach (var contribution in contributions)
            contribution.ConfigureQuery(this);
    }
}

internal sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<ISchemaContribution> contributions)
    {
        Name = "Mutation";
        foreach (var contribution in contributions)
            contribution.ConfigureMutation(this);
    }
}

internal sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType(IEnumerable<ISchemaContribution> contributions)
    {
        Name = "Subscription";
        foreach (var contribution in contributions)
            contribution.ConfigureSubscription(this);
    }
}
