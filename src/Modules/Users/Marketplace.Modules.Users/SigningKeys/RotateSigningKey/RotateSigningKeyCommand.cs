using Mediator;

namespace Marketplace.Modules.Users.SigningKeys.RotateSigningKey;

/// <summary>An administrator or a module makes a fresh key the one that signs; answers it.</summary>
internal sealed record RotateSigningKeyCommand : ICommand<SigningKey>;
