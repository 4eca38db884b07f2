using Marketplace.Modules.Media.Contracts;

namespace Marketplace.Modules.Media;

/// <summary>
/// A typed refusal or failure of the processing core: <see cref="Code"/> is one of <see cref="MediaErrorCodes"/> (the
/// contract's codes, so a refusal reaches clients with the same code the core gave it).
/// </summary>
internal sealed class MediaException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    public override string ToString() => $"{Code}: {Message}";
}
