using Mediator;

namespace Marketplace.Modules.Users.SigningKeys.RotateSigningKey;

/// <summary>The old key stops signing now and stays published only while a token it signed can still be valid.</summary>
internal sealed class RotateSigningKeyHandler(SigningKeyStore keys) : ICommandHandler<RotateSigningKeyCommand, SigningKey>
{
    public async ValueTask<SigningKey> Handle(RotateSigningKeyCommand command, CancellationToken cancellationToken) =>
        await keys.RotateAsync(cancellationToken);
}
