using System.Diagnostics;
using System.Net.Sockets;

namespace Marketplace.Testing;

/// <summary>
/// A private redis-server on a free loopback port, for tests that stop or kill Redis without disturbing the
/// shared one the rest of the suite uses.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly string _directory;
    private Process? _process;

    private RedisProcess(int port, string directory)
    {
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisProcess> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("marketplace-redis-").FullName;
        var redis = new RedisProcess(HostProcess.FreePort(), directory);
        await redis.RestartAsync();
        return redis;
    }

    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("redis-server");
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(), "--dir", _directory, "--save", "", "--appendonly", "yes", "--logfile", Path.Combine(_directory, "redis.log") })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        await Eventually.AssertAsync(async () => await AcceptsConnectionsAsync(), TimeSpan.FromSeconds(10), "redis-server starts");
    }

    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
