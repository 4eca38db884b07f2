using GraphQL.Validation;
using GraphQLParser.AST;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Limits;

/// <summary>
/// What makes introspection safe without the depth and complexity limits. The standard introspection query of
/// graphql-js (what GraphiQL, graphql-codegen, Apollo, Postman and Insomnia send) is 15 levels deep and, priced like
/// data with every list multiplied by <c>DefaultListSize</c>, costs hundreds of thousands: it can never pass the
/// limits meant for data. So an operation that selects only <c>__schema</c>, <c>__type</c> and <c>__typename</c> is
/// exempt from them (<see cref="IsIntrospectionOnly"/>), and this rule bounds what such a document can make the
/// server build instead (it applies to every document):
/// <list type="bullet">
/// <item>the type-member lists (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>, <c>possibleTypes</c>) nest at
/// most <see cref="MaxListNesting"/> deep, like graphql-js's own <c>MaxIntrospectionDepthRule</c>
/// (<c>fields { type { fields { type { fields … } } } }</c> grows by the schema's size per level; the standard query
/// nests them once);</item>
/// <item>no alias below <c>__schema</c> or <c>__type</c>: without aliases equal fields merge, so the answer is at
/// most one copy of each path; with them, thirty aliased <c>fields</c> would multiply it thirty-fold per level. No
/// introspection query a tool sends uses one (aliases on the root fields themselves count against
/// <c>Gateway:MaxAliases</c> like any other).</item>
/// </list>
/// The walk is iterative and expands fragment spreads; <see cref="DocumentBudget"/> has already bounded the fields it
/// visits (<c>MaxFields</c>) and refused fragment cycles.
/// </summary>
internal sealed class IntrospectionRules : ValidationRuleBase
{
    /// <summary>Type-member lists nested in one another under one introspection field (graphql-js allows 2 too).</summary>
    public const int MaxListNesting = 2;

    public static readonly IntrospectionRules Instance = new();

    private static readonly HashSet<string> MemberLists = new(StringComparer.Ordinal) { "fields", "inputFields", "interfaces", "possibleTypes" };

    /// <summary>
    /// True when every operation of the document selects only <c>__schema</c>, <c>__type</c> and <c>__typename</c> at
    /// its root (through root-level fragments too): such a document reads the schema, never data.
    /// </summary>
    public static bool IsIntrospectionOnly(GraphQLDocument document)
    {
        var fragments = Fragments(document);
        var sawOperation = false;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            sawOperation = true;
            if (operation.Operation != OperationType.Query)
                return false;
            var pending = new Stack<GraphQLSelectionSet>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            pending.Push(operation.SelectionSet);
            while (pending.Count > 0)
            {
                foreach (var selection in pending.Pop().Selections)
                {
                    switch (selection)
                    {
                        case GraphQLField field when field.Name.StringValue is "__schema" or "__type" or "__typename":
                            break;
                        case GraphQLInlineFragment inline:
                            pending.Push(inline.SelectionSet);
                            break;
                        case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                            if (seen.Add(spread.FragmentName.Name.StringValue))
                                pending.Push(fragment.SelectionSet);
                            break;
                        default:
                            return false;
                    }
                }
            }
        }

        return sawOperation;
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLDocument>((document, ctx) =>
        {
            if (Check(document) is { } error)
                ctx.ReportError(error);
        }));

    private static ValidationError? Check(GraphQLDocument document)
    {
        var fragments = Fragments(document);
        // (selection set, type-member lists above it, inside an introspection field)
        var pending = new Stack<(GraphQLSelectionSet Set, int Lists, bool Inside)>();
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
            pending.Push((operation.SelectionSet, 0, false));
        while (pending.Count > 0)
        {
            var (set, lists, inside) = pending.Pop();
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = field.Name.StringValue;
                        if (inside && field.Alias is not null)
                            return Refuse(document, ErrorCodes.TooManyAliases, $"Aliases are not allowed inside __schema and __type selections ('{field.Alias.Name.StringValue}: {name}').");
                        var nested = inside && MemberLists.Contains(name) ? lists + 1 : lists;
                        if (nested > MaxListNesting)
                            return Refuse(document, ErrorCodes.QueryTooDeep, $"Introspection nests fields, inputFields, interfaces and possibleTypes more than {MaxListNesting} levels deep.");
                        if (field.SelectionSet is { } children)
                            pending.Push((children, nested, inside || name is "__schema" or "__type"));
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push((inline.SelectionSet, lists, inside));
                        break;
                    case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                        // The budget refused cycles and bounded the expanded fields, so expanding each spread is linear in it.
                        pending.Push((fragment.SelectionSet, lists, inside));
                        break;
                }
            }
        }

        return null;
    }

    private static Dictionary<string, GraphQLFragmentDefinition> Fragments(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        return fragments;
    }

    private static ValidationError Refuse(GraphQLDocument document, string code, string message) =>
        new(document.Source, code, message) { Code = code };
}
