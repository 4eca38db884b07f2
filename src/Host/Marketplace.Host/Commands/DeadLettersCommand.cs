using Marketplace.Shared.Events;
using Marketplace.Shared.Modules;
using Marketplace.Shared.Operations;

namespace Marketplace.Host.Commands;

/// <summary>
/// <c>dead-letters list &lt;Module&gt;</c> shows the module's parked messages; <c>dead-letters replay &lt;Module&gt; [id]</c>
/// runs them (or one) through their consumer again, handler + inbox in one transaction as usual.
/// </summary>
internal static class DeadLettersCommand
{
    private const string Usage = "usage: dead-letters list <Module> | dead-letters replay <Module> [dead-letter-id]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments)
    {
        if (arguments.Count is < 2 or > 3 || arguments[0] is not ("list" or "replay") || (arguments[0] == "list" && arguments.Count != 2))
            return MarketplaceApp.Fail(Usage, 64);

        var module = services.GetRequiredService<ModuleRegistry>().Modules.FirstOrDefault(m => string.Equals(m.Name, arguments[1], StringComparison.OrdinalIgnoreCase));
        if (module?.DbContextType is null)
            return MarketplaceApp.Fail($"no loaded module named '{arguments[1]}' with a DbContext", 64);
        Guid? id = null;
        if (arguments.Count == 3)
        {
            if (!Guid.TryParse(arguments[2], out var parsed))
                return MarketplaceApp.Fail($"'{arguments[2]}' is not a dead-letter id. {Usage}", 64);
            id = parsed;
        }

        var unreachable = await StartupProbe.FindUnreachableAsync(services, includeMessaging: arguments[0] == "replay", TimeSpan.FromSeconds(5));
        if (unreachable is not null)
            return MarketplaceApp.Fail(unreachable, 3);

        var replayer = services.GetRequiredService<DeadLetterReplayer>();
        if (arguments[0] == "list")
        {
            var letters = await replayer.ListAsync(module.DbContextType, CancellationToken.None);
            foreach (var letter in letters)
                Console.WriteLine($"{letter.Id}  {letter.FailedAt:u}  {letter.Consumer}  event {letter.EventId}  {letter.Deliveries} deliveries  {letter.Error}");
            Console.WriteLine($"{letters.Count} dead letter(s) waiting in {module.Name}");
            return 0;
        }

        var results = await replayer.ReplayAsync(module.DbContextType, id, CancellationToken.None);
        foreach (var result in results)
            Console.WriteLine($"{result.Id}  {result.Consumer}  event {result.EventId}: {result.Outcome}");
        Console.WriteLine($"{results.Count} dead letter(s) replayed, {results.Count(r => r.Outcome.StartsWith("failed", StringComparison.Ordinal))} failed again");
        if (id is not null && results.Count == 0)
            return MarketplaceApp.Fail($"no dead letter {id} in {module.Name}", 1);
        return results.Any(r => r.Outcome.StartsWith("failed", StringComparison.Ordinal)) ? 1 : 0;
    }
}
