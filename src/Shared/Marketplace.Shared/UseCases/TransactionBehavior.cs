using Marketplace.Shared.Modules;
using Marketplace.Shared.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Shared.UseCases;

/// <summary>
/// Runs a command's handler inside one database transaction on its module's DbContext, then saves and commits: the
/// state change and the integration events the handler recorded (<see cref="ModuleDbContext.AddEvent{TEvent}"/>, the
/// outbox) commit together or not at all. Because the transaction is open before the handler starts, a handler may lock
/// the rows it changes (<c>SELECT … FOR UPDATE</c>) and may call <c>SaveChanges</c> itself (e.g. to learn of a unique
/// violation; EF then rolls back to a savepoint). A command sent from inside another joins its transaction. Queries run
/// without one and never save; a command marked <see cref="ICommitsItself"/> manages its own.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IServiceProvider services, ModuleRegistry modules)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || message is ICommitsItself || modules.ForAssembly(typeof(TMessage).Assembly)?.DbContextType is not { } contextType)
            return await next(message, cancellationToken).ConfigureAwait(false);

        var db = (ModuleDbContext)services.GetRequiredService(contextType);
        if (db.Database.CurrentTransaction is not null)
        {
            var joined = await next(message, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return joined;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var response = await next(message, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return response;
    }
}
