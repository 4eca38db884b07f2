using Marketplace.Modules.Ordering.Checkouts.FailCompletion;
using Marketplace.Modules.Ordering.Persistence;
using Mediator;

namespace Marketplace.Modules.Ordering.Checkouts.RecoverCompletions;

/// <summary>
/// Claims the batch with <c>FOR UPDATE SKIP LOCKED</c> (a checkout a live request or another run is working on is skipped,
/// never waited for), then undoes each in this transaction. Orders are written in the same transaction that marks a
/// checkout COMPLETED, so a COMPLETING checkout never has orders: undoing is always right.
/// </summary>
internal sealed class RecoverCompletionsHandler(OrderingDbContext db, ISender mediator) : ICommandHandler<RecoverCompletionsCommand, int>
{
    public const string Reason = "RECOVERED";

    public async ValueTask<int> Handle(RecoverCompletionsCommand command, CancellationToken cancellationToken)
    {
        var ids = await db.QueryAsync(
            "SELECT id FROM ordering.checkouts WHERE status = 'COMPLETING' AND completing_started_at < $1 ORDER BY completing_started_at LIMIT $2 FOR UPDATE SKIP LOCKED",
            p =>
            {
                p.Add(new() { Value = command.StartedBefore });
                p.Add(new() { Value = command.BatchSize });
            },
            r => r.GetGuid(0),
            cancellationToken);
        var undone = 0;
        foreach (var id in ids)
        {
            if (await mediator.Send(new FailCompletionCommand(id, Reason), cancellationToken))
                undone++;
        }

        return undone;
    }
}
