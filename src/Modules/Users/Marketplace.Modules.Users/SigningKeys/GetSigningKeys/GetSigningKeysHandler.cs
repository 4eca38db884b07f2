using Mediator;

namespace Marketplace.Modules.Users.SigningKeys.GetSigningKeys;

internal sealed class GetSigningKeysHandler(SigningKeyStore keys) : ICommandHandler<GetSigningKeysCommand, PublishedKeys>
{
    public async ValueTask<PublishedKeys> Handle(GetSigningKeysCommand command, CancellationToken cancellationToken) =>
        await keys.GetPublishedAsync(cancellationToken);
}
