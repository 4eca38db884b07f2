using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.Testing;

/// <summary>Runs the built host (<c>Marketplace.Host.dll</c>) as a real process, as an operator would.</summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(arguments, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not exit within {timeout}; output: {await stdout} {await stderr}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the host serving in the background; dispose the handle to stop it.</summary>
    public static Running Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        return new Running(Process.Start(StartInfo(arguments, environment))!);
    }

    // Production unless the test says otherwise, so defaults meant for Development never leak into a test.
    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        // MARKETPLACE_TEST_HOST names a published host folder (scripts/publish.sh): its executable runs instead of the
        // built dll, so the smoke test drives the very artifact that ships.
        var published = Environment.GetEnvironmentVariable("MARKETPLACE_TEST_HOST");
        var start = new ProcessStartInfo(string.IsNullOrEmpty(published) ? "dotnet" : Path.Combine(published, "Marketplace.Host"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = string.IsNullOrEmpty(published) ? Path.GetDirectoryName(HostAssembly)! : published,
        };
        if (string.IsNullOrEmpty(published))
            start.ArgumentList.Add(HostAssembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = null;
        // Production needs one; a test that checks its absence passes an empty value.
        start.Environment["Modules__Users__SigningKeyPassphrase"] = TestServices.SigningKeyPassphrase;
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return start;
    }

    /// <summary>A host process started by <see cref="Start"/>; its output is kept for failure messages.</summary>
    public sealed class Running : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();

        internal Running(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

        public string Output
        {
            get
            {
                lock (_output)
                    return _output.ToString();
            }
        }

        private void Append(string? line)
        {
            if (line is null)
                return;
            lock (_output)
                _output.AppendLine(line);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }

    /// <summary>The host built with the same configuration as the running tests.</summary>
    public static string HostAssembly
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var path = Path.Combine(RepositoryRoot, "src", "Host", "Marketplace.Host", "bin", configuration, framework, "Marketplace.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first", path);
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Marketplace.sln")))
                    return directory.FullName;
            }

            throw new InvalidOperationException("Marketplace.sln not found above the test output.");
        }
    }

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A loopback port nothing listens on right now and that this test process has not handed out before:
    /// the kernel may offer a just-released port again, and two ports asked for in a row (a host's HTTP and
    /// gRPC ports) must differ.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                    return port;
            }
        }
    }
}
