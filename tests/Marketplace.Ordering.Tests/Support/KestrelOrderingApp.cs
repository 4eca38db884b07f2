using System.Net;
using System.Net.Sockets;

namespace Marketplace.Ordering.Tests.Support;

/// <summary>
/// A second whole host like <see cref="OrderingApp"/>, on a real Kestrel socket, for clients that need one (the npm
/// graphql-ws client). It shares the suite's database, subject prefix and job prefix with the assembly's host: the two
/// are two replicas of one deployment (their event consumers and jobs share the work).
/// </summary>
public sealed class KestrelOrderingApp : IAsyncLifetime
{
    private readonly int _port = FreePort();

    public OrderingApp App { get; } = new() { OwnsSuite = false };

    public Uri Address => new($"http://127.0.0.1:{_port}");

    public async ValueTask InitializeAsync()
    {
        App.With("Server:HttpPort", _port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        App.UseKestrel();
        App.StartServer();
        await App.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
