using System.Diagnostics;
using System.Text;
using Marketplace.Modules.Media.Contracts;

namespace Marketplace.Modules.Media.Video;

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardErrorTail);

/// <summary>
/// Runs ffmpeg/ffprobe: an argument list (never a shell string, so nothing in a path is interpreted), no standard
/// input, a wall-clock limit after which the whole process tree is killed, and the end of stderr kept for the reason.
/// </summary>
internal static class ProcessRunner
{
    private const int StderrTailChars = 4000;

    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
                if (stderr.Length > 4 * StderrTailChars)
                    stderr.Remove(0, stderr.Length - StderrTailChars);
            }
        };

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{fileName}' could not be started (is ffmpeg installed? scripts/services.sh installs it).", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new MediaException(MediaErrorCodes.RenderFailed, $"{Path.GetFileName(fileName)} did not finish within {timeout}.");
        }

        // WaitForExitAsync returns once the output streams closed; the handlers have run.
        string tail;
        lock (stderr)
            tail = stderr.Length > StderrTailChars ? stderr.ToString(stderr.Length - StderrTailChars, StderrTailChars) : stderr.ToString();
        lock (stdout)
            return new ProcessResult(process.ExitCode, stdout.ToString(), tail.Trim());
    }
}
