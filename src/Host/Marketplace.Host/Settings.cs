using System.Net;
using Marketplace.Shared;

namespace Marketplace.Host;

/// <summary>Reads host settings with a clear error naming the setting when a value is wrong.</summary>
internal static class Settings
{
    public static int Port(IConfiguration configuration, string key, int defaultValue, bool allowZero = false)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw))
            return defaultValue;
        if (!int.TryParse(raw, out var port) || port > 65535 || port < (allowZero ? 0 : 1))
            throw new ConfigurationException(key, raw, allowZero ? "expected a port number, or 0 for off" : "expected a port number from 1 to 65535");
        return port;
    }

    public static long Bytes(IConfiguration configuration, string key, long defaultValue)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw))
            return defaultValue;
        if (!long.TryParse(raw, out var value) || value < 1024)
            throw new ConfigurationException(key, raw, "expected a number of bytes, at least 1024");
        return value;
    }

    public static IPAddress Address(IConfiguration configuration, string key, string defaultValue)
    {
        var raw = configuration[key];
        var text = string.IsNullOrWhiteSpace(raw) ? defaultValue : raw;
        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new ConfigurationException(key, raw, "expected an IP address such as 127.0.0.1 or 0.0.0.0");
    }

    public static bool Flag(IConfiguration configuration, string key, bool defaultValue)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw))
            return defaultValue;
        return bool.TryParse(raw, out var value) ? value : throw new ConfigurationException(key, raw, "expected true or false");
    }
}
