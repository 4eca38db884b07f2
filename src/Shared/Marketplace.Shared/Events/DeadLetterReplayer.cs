using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Shared.Events;

/// <summary>
/// Replays parked messages straight through their consumer (same handler + inbox transaction, no NATS), so only
/// the consumer that failed sees the event again. A message that fails again stays parked with its new error.
/// </summary>
public sealed class DeadLetterReplayer(IServiceProvider services, IEnumerable<EventConsumerRegistration> consumers, EventProcessor processor)
{
    public sealed record Result(Guid Id, string Consumer, Guid EventId, string Outcome);

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(Type dbContextType, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(dbContextType);
        return await context.DeadLetters.AsNoTracking().Where(d => d.ReplayedAt == null).OrderBy(d => d.FailedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replays the module's unreplayed dead letters, or just <paramref name="id"/> (which may be replayed again).</summary>
    public async Task<IReadOnlyList<Result>> ReplayAsync(Type dbContextType, Guid? id, CancellationToken cancellationToken)
    {
        List<DeadLetter> letters;
        await using (var scope = services.CreateAsyncScope())
        {
            var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(dbContextType);
            letters = await context.DeadLetters.AsNoTracking()
                .Where(d => id == null ? d.ReplayedAt == null : d.Id == id)
                .OrderBy(d => d.FailedAt)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var results = new List<Result>();
        foreach (var letter in letters)
        {
            var consumer = consumers.FirstOrDefault(c => c.Durable == letter.Consumer && c.DbContextType == dbContextType);
            if (consumer is null)
            {
                results.Add(new Result(letter.Id, letter.Consumer, letter.EventId, "skipped: no such consumer is declared any more"));
                continue;
            }

            string outcome;
            try
            {
                outcome = (await processor.ProcessAsync(consumer, EventEnvelope.From(letter), cancellationToken).ConfigureAwait(false)) == ProcessOutcome.Handled
                    ? "handled"
                    : "already handled";
                await MarkReplayedAsync(dbContextType, letter.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                await processor.ParkAsync(consumer, EventEnvelope.From(letter), letter.Deliveries, exception, cancellationToken).ConfigureAwait(false);
                outcome = $"failed again: {EventProcessor.Describe(exception)}";
            }

            results.Add(new Result(letter.Id, letter.Consumer, letter.EventId, outcome));
        }

        return results;
    }

    private async Task MarkReplayedAsync(Type dbContextType, Guid id, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(dbContextType);
        await context.DeadLetters.Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReplayedAt, (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }
}
