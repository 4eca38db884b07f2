using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.Events.Tests.Fixtures;

/// <summary>
/// A private nats-server or redis-server on a free loopback port with its own data directory, so a test can stop
/// and restart it without touching the shared services other tests (and engineers) use.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly string _program;
    private readonly Func<int, string, string[]> _arguments;
    private Process? _process;

    private ServerProcess(string program, Func<int, string, string[]> arguments)
    {
        _program = program;
        _arguments = arguments;
        Port = FreePort();
        DataDirectory = Directory.CreateTempSubdirectory($"mp-{program}-").FullName;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    public static async Task<ServerProcess> StartNatsAsync()
    {
        var server = new ServerProcess("nats-server", (port, dir) => ["-js", "-a", "127.0.0.1", "-p", port.ToString(), "-sd", dir]);
        await server.StartAsync();
        return server;
    }

    public static async Task<ServerProcess> StartRedisAsync()
    {
        var server = new ServerProcess("redis-server", (port, dir) => ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir]);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(_program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in _arguments(Port, DataDirectory))
            info.ArgumentList.Add(argument);
        _process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {_program}");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Testing.Eventually.AssertAsync(async () => await AcceptsAsync(), TimeSpan.FromSeconds(15), $"{_program} listens on {Port}");
    }

    /// <summary>Kills the server outright (no graceful shutdown): the harshest outage.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
        await Testing.Eventually.AssertAsync(async () => !await AcceptsAsync(), TimeSpan.FromSeconds(10), $"{_program} stopped");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
