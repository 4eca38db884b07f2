namespace Marketplace.Shared;

/// <summary>A setting is missing or invalid. The host prints its message as one line and exits non-zero.</summary>
public sealed class ConfigurationException(string setting, string? value, string problem)
    : Exception($"setting {setting}{(value is null ? " is missing" : $" = '{value}' is invalid")}: {problem}")
{
    public string Setting { get; } = setting;
}
