using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Limits;

/// <summary>
/// Limits on a document's size and shape, checked before GraphQL.NET's validation rules run. Those rules walk
/// fragments recursively (a chain of thousands of fragments overflowed the stack and killed the process) and merge
/// duplicate fields in quadratic time (30,000 copies of one field took 17 s), and neither is bounded by the execution
/// timeout. Every walk here is iterative and linear, so a document over budget is refused in milliseconds whatever
/// its shape: tokens (before parsing), fragments, fragment-spread depth, nesting and fields with fragments expanded.
/// </summary>
internal sealed class DocumentBudget(GatewayOptions options)
{
    /// <summary>Counts lexical tokens before the parser builds anything; null when within the budget.</summary>
    public GatewayError? CheckTokens(string query)
    {
        var position = 0;
        var count = 0;
        while (true)
        {
            Token token;
            try
            {
                token = Lexer.Lex(query, position);
            }
            catch (GraphQLParserException)
            {
                // Not lexable: the parser reports the syntax error with its location.
                return null;
            }

            if (token.Kind == TokenKind.EOF)
                return null;
            if (++count > options.MaxTokens)
                return new GatewayError(ErrorCodes.QueryTooLarge, $"The document has more than {options.MaxTokens} tokens; send a smaller document.");
            position = token.End;
        }
    }

    /// <summary>Measures a parsed document; null when within every budget.</summary>
    public GatewayError? Check(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, Definition>(StringComparer.Ordinal);
        var operations = new List<Definition>();
        long ownFields = 0;
        foreach (var node in document.Definitions)
        {
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    operations.Add(Measure(operation.SelectionSet, ref ownFields));
                    break;
                case GraphQLFragmentDefinition fragment:
                    if (fragments.Count >= options.MaxFragments)
                        return new GatewayError(ErrorCodes.QueryTooLarge, $"The document defines more than {options.MaxFragments} fragments.");
                    // A repeated name is UniqueFragmentNames' error; the first definition is the one measured.
                    fragments.TryAdd(fragment.FragmentName.Name.StringValue, Measure(fragment.SelectionSet, ref ownFields));
                    break;
            }

            if (ownFields > options.MaxFields)
                return TooManyFields();
        }

        if (Expand(fragments) is { } problem)
            return problem;

        long fields = 0;
        foreach (var definition in operations.Concat(fragments.Values))
        {
            if (definition.Fields < 0)
                Combine(definition, fragments);
            fields = Saturating(fields, definition.Fields);
            if (definition.Depth > options.MaxNesting)
                return new GatewayError(ErrorCodes.QueryTooDeep, $"The document nests selections {definition.Depth} levels deep (counting inline fragments and fragment spreads); at most {options.MaxNesting} are allowed.");
            if (definition.SpreadDepth > options.MaxFragmentDepth)
                return TooDeepSpreads();
        }

        return fields > options.MaxFields ? TooManyFields() : null;
    }

    private GatewayError TooManyFields() =>
        new(ErrorCodes.QueryTooLarge, $"The document selects more than {options.MaxFields} fields (counting each fragment spread as the fields it brings).");

    private GatewayError TooDeepSpreads() =>
        new(ErrorCodes.QueryTooDeep, $"Fragment spreads are nested more than {options.MaxFragmentDepth} levels deep.");

    /// <summary>A definition's own selections: fields, deepest nesting and the spreads it contains (with their level).</summary>
    private static Definition Measure(GraphQLSelectionSet root, ref long ownFields)
    {
        var definition = new Definition();
        var pending = new Stack<(GraphQLSelectionSet Set, int Level)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (set, level) = pending.Pop();
            definition.OwnDepth = Math.Max(definition.OwnDepth, level);
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        definition.OwnFields++;
                        ownFields++;
                        if (field.SelectionSet is { } children)
                            pending.Push((children, level + 1));
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push((inline.SelectionSet, level + 1));
                        break;
                    case GraphQLFragmentSpread spread:
                        definition.Spreads.Add((spread.FragmentName.Name.StringValue, level));
                        break;
                }
            }
        }

        return definition;
    }

    /// <summary>
    /// Expands every fragment (post-order, with an explicit stack): fields it brings, nesting and spread depth.
    /// A spread that leads back to a fragment being expanded is a cycle, refused here as the spec's NoFragmentCycles would.
    /// </summary>
    private GatewayError? Expand(Dictionary<string, Definition> fragments)
    {
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, start) in fragments)
        {
            if (start.Fields >= 0)
                continue;
            var path = new Stack<(string Name, Definition Definition, int Next)>();
            path.Push((name, start, 0));
            onPath.Add(name);
            while (path.Count > 0)
            {
                var (current, definition, next) = path.Pop();
                if (next < definition.Spreads.Count)
                {
                    path.Push((current, definition, next + 1));
                    var child = definition.Spreads[next].Name;
                    if (!fragments.TryGetValue(child, out var target) || target.Fields >= 0)
                        continue;
                    if (!onPath.Add(child))
                        return new GatewayError(ErrorCodes.ValidationFailed, $"Cannot spread fragment '{child}' within itself.");
                    if (path.Count > options.MaxFragmentDepth)
                        return TooDeepSpreads();
                    path.Push((child, target, 0));
                    continue;
                }

                Combine(definition, fragments);
                onPath.Remove(current);
            }
        }

        return null;
    }

    /// <summary>Totals of a definition whose spread fragments are all expanded already (unknown ones count as empty).</summary>
    private static void Combine(Definition definition, Dictionary<string, Definition> fragments)
    {
        long fields = definition.OwnFields;
        var depth = definition.OwnDepth;
        var spreadDepth = 0;
        foreach (var (name, level) in definition.Spreads)
        {
            if (!fragments.TryGetValue(name, out var fragment) || fragment.Fields < 0)
                continue;
            fields = Saturating(fields, fragment.Fields);
            depth = Math.Max(depth, level + fragment.Depth);
            spreadDepth = Math.Max(spreadDepth, fragment.SpreadDepth + 1);
        }

        definition.Fields = fields;
        definition.Depth = depth;
        definition.SpreadDepth = spreadDepth;
    }

    // Fan-out (each fragment spreading the next twice) doubles per level: the totals must not wrap around.
    private static long Saturating(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private sealed class Definition
    {
        public long OwnFields { get; set; }

        public int OwnDepth { get; set; }

        public List<(string Name, int Level)> Spreads { get; } = [];

        /// <summary>Fields with spreads expanded; -1 until computed.</summary>
        public long Fields { get; set; } = -1;

        public int Depth { get; set; }

        public int SpreadDepth { get; set; }
    }
}
