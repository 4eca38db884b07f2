using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;
using Marketplace.Gateway.Conventions;

namespace Marketplace.Gateway.Schema;

/// <summary>
/// Completes GraphQL.NET 8's introspection types so that every variant of graphql-js's <c>getIntrospectionQuery()</c>
/// validates: <c>__Type.specifiedByURL</c> (option <c>specifiedByUrl</c>, the October 2021 spec) and
/// <c>__Directive.args(includeDeprecated:)</c> (option <c>inputValueDeprecation</c>; GraphQL.NET adds the argument to
/// fields' args and input fields only). Called for every type before the schema initialises it.
/// </summary>
internal static class IntrospectionTypes
{
    public static void Complete(IGraphType type)
    {
        switch (type)
        {
            case __Type typeType:
                typeType.AddField(new FieldType
                {
                    Name = "specifiedByURL",
                    Description = "The URL of the specification a custom scalar's values follow (`@specifiedBy`); null for every other type.",
                    Type = typeof(StringGraphType),
                    Resolver = new FuncFieldResolver<object?>(context => context.Source is IGraphType source ? SpecifiedBy.UrlOf(source) : null),
                });
                break;
            case __Directive directiveType when directiveType.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null:
                args.Arguments ??= [];
                args.Arguments.Add(new QueryArgument<BooleanGraphType>
                {
                    Name = "includeDeprecated",
                    Description = "Include deprecated arguments.",
                    DefaultValue = false,
                });
                args.Resolver = new FuncFieldResolver<object?>(context =>
                {
                    var includeDeprecated = context.GetArgument("includeDeprecated", false);
                    IEnumerable<QueryArgument> arguments = (context.Source as Directive)?.Arguments ?? [];
                    return arguments.Where(argument => includeDeprecated || string.IsNullOrWhiteSpace(argument.DeprecationReason)).ToList();
                });
                break;
        }
    }
}
