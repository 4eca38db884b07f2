using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// The spec's <c>@specifiedBy(url:)</c> on custom scalars and <c>__Type.specifiedByURL</c> in introspection
/// (GraphQL October 2021), which GraphQL.NET 8 does not provide (Schema/IntrospectionTypes.cs adds the field): code generators read the URL to know a scalar's
/// format (graphql-codegen's <c>strictScalars</c>, Apollo Kotlin, graphql-inspector). The URL is applied once, on the
/// scalar (<see cref="Apply"/>); the SDL (schema.graphql) prints it and introspection answers it from there.
/// </summary>
internal static class SpecifiedBy
{
    public const string DirectiveName = "specifiedBy";

    /// <summary>Marks a scalar with the URL of the specification its values follow.</summary>
    public static void Apply(ScalarGraphType scalar, string url) => scalar.ApplyDirective(DirectiveName, "url", url);

    /// <summary>The URL applied to a type, or null (every type but our documented scalars).</summary>
    public static string? UrlOf(IGraphType type) =>
        type is ScalarGraphType scalar ? scalar.FindAppliedDirective(DirectiveName)?.FindArgument("url")?.Value as string : null;

    /// <summary>The directive itself: type-system only, listed by introspection like <c>@deprecated</c>.</summary>
    public sealed class Directive : GraphQL.Types.Directive
    {
        public Directive()
            : base(DirectiveName, DirectiveLocation.Scalar)
        {
            Description = "Exposes a URL that specifies the behavior of this scalar.";
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
            {
                Name = "url",
                Description = "The URL that specifies the behavior of this scalar.",
            });
        }

        public override bool? Introspectable => true;
    }
}
