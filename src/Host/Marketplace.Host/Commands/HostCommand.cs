namespace Marketplace.Host.Commands;

/// <summary>
/// <c>Marketplace.Host [command] [arguments] [--Setting=value ...]</c>: the first word selects the command,
/// further plain words are its arguments, and <c>--Key=value</c> pairs are configuration.
/// </summary>
internal sealed record HostCommand(string Name, IReadOnlyList<string> Arguments, string[] ConfigurationArgs)
{
    public const string Serve = "serve";
    public const string Migrate = "migrate";
    public const string Seed = "seed";
    public const string Migrations = "migrations";
    public const string DeadLetters = "dead-letters";

    public static HostCommand Parse(string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToList();
        var configuration = args.Skip(words.Count).ToArray();
        return words.Count == 0
            ? new HostCommand(Serve, [], configuration)
            : new HostCommand(words[0], words.Skip(1).ToList(), configuration);
    }
}
