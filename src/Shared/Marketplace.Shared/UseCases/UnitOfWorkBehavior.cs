using Marketplace.Shared.Modules;
using Marketplace.Shared.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Shared.UseCases;

/// <summary>
/// After a command's handler succeeds, saves the owning module's DbContext once: the state change and anything
/// else the handler added to it (outbox messages among them) commit together or not at all. Queries pass through.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IServiceProvider services, ModuleRegistry modules)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
            return await next(message, cancellationToken).ConfigureAwait(false);

        var response = await next(message, cancellationToken).ConfigureAwait(false);
        if (modules.ForAssembly(typeof(TMessage).Assembly)?.DbContextType is { } contextType)
        {
            var context = (ModuleDbContext)services.GetRequiredService(contextType);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
