using System.Diagnostics;

namespace Marketplace.Testing;

/// <summary>
/// Runs a real npm tool or script of a test folder (its <c>node_modules</c> installed by scripts/test.sh with
/// <c>npm ci</c>) and hands back what it printed.
/// </summary>
public static class NodeTool
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit code {ExitCode}\n{Output}\n{Errors}";
    }

    /// <summary>A folder under the repository root, e.g. <c>tests/Marketplace.Gateway.Tests/js</c>, checked to be installed.</summary>
    public static string Folder(string relativePath)
    {
        var folder = Path.Combine(HostProcess.RepositoryRoot, relativePath);
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            throw new InvalidOperationException($"Run 'npm ci' in {folder} first (scripts/test.sh does).");
        return folder;
    }

    /// <summary>Runs <paramref name="program"/> (e.g. <c>node</c>) in <paramref name="folder"/>; killed after the timeout.</summary>
    public static async Task<Result> RunAsync(string folder, string program, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}: {await output}{await errors}");
        }

        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>Runs <c>node script args…</c> in the folder.</summary>
    public static Task<Result> NodeAsync(string folder, string script, params string[] arguments) =>
        RunAsync(folder, "node", [script, .. arguments], TimeSpan.FromSeconds(120));
}
