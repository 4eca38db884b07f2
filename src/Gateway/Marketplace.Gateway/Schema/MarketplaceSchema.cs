using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Schema;

/// <summary>
/// The public schema, composed from every registered <see cref="ISchemaContribution"/>. Mutation and
/// Subscription roots exist only when some contribution adds a field to them (GraphQL forbids empty types).
/// </summary>
public sealed class MarketplaceSchema : GraphQL.Types.Schema
{
    public MarketplaceSchema(IServiceProvider services, IEnumerable<ISchemaContribution> contributions)
        : base(services)
    {
        var list = contributions.ToList();
        // Every variant of graphql-js's getIntrospectionQuery() must validate: `args(includeDeprecated: true)` and
        // `inputFields(includeDeprecated: true)` (inputValueDeprecation) and `isRepeatable` (directiveIsRepeatable).
        Features.DeprecationOfInputValues = true;
        Features.RepeatableDirectives = true;
        Directives.Register(new SpecifiedBy.Directive());
        Query = services.GetRequiredService<QueryType>();
        var mutation = services.GetRequiredService<MutationType>();
        if (mutation.Fields.Count > 0)
        {
            FieldAuthorization.EnsureDeclared(mutation);
            Mutation = mutation;
        }

        var subscription = services.GetRequiredService<SubscriptionType>();
        if (subscription.Fields.Count > 0)
        {
            FieldAuthorization.EnsureDeclared(subscription);
            AuthorizingStreamResolver.Wrap(subscription);
            Subscription = subscription;
        }

        // String and ID refuse control characters in input, so no module ever sees them (instances registered here
        // replace GraphQL.NET's built-in scalars of the same name).
        RegisterType(new TextGraphType());
        RegisterType(new TextIdGraphType());
        // Exact money and UTC times: our scalars replace GraphQL.NET's built-in Decimal/DateTime everywhere.
        RegisterTypeMapping(typeof(decimal), typeof(ExactDecimalGraphType));
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(UtcDateTimeGraphType));
        RegisterTypeMapping(typeof(DateTime), typeof(UtcDateTimeGraphType));
        // The shared conventions are part of the published schema even before a module's field uses them.
        RegisterType(typeof(UserErrorInterface));
        RegisterType(typeof(MoneyType));
        RegisterType(typeof(ExactDecimalGraphType));
        RegisterType(typeof(UtcDateTimeGraphType));
        RegisterType(typeof(NodeInterface));
        foreach (var type in list.SelectMany(c => c.AdditionalTypes))
            RegisterType(type);
    }

    /// <summary>What GraphQL.NET's introspection types lack for graphql-js's introspection query (IntrospectionTypes).</summary>
    protected override void OnBeforeInitializeType(GraphQL.Types.IGraphType graphType) => IntrospectionTypes.Complete(graphType);
}
