using Mediator;

namespace Marketplace.Shared.UseCases;

/// <summary>
/// Admission control for one kind of use case, registered by its module (e.g. Inventory's per-variant gate for
/// reservations): <see cref="EnterAsync"/> waits until the message may run and returns what lets the next one in when
/// disposed. It runs before the transaction opens, so a waiting caller holds no database connection.
/// </summary>
public interface IAdmissionGate<in TMessage>
{
    ValueTask<IDisposable> EnterAsync(TMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Passes a message through the gates its module registered for its type (usually none: then it costs nothing but the
/// lookup), between validation and the transaction: invalid input never waits, and waiting never holds a connection.
/// </summary>
public sealed class AdmissionBehavior<TMessage, TResponse>(IEnumerable<IAdmissionGate<TMessage>> gates) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        List<IDisposable>? passages = null;
        try
        {
            foreach (var gate in gates)
                (passages ??= []).Add(await gate.EnterAsync(message, cancellationToken).ConfigureAwait(false));
            return await next(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (passages is not null)
            {
                for (var i = passages.Count - 1; i >= 0; i--)
                    passages[i].Dispose();
            }
        }
    }
}
