using System.Diagnostics;
using System.Text;

namespace Backend.Core.Ocr;

/// <summary>
/// Runs a command-line tool (pdftotext, pdftoppm, tesseract) with a deadline. On timeout or cancellation the
/// whole process tree is killed, so a stuck engine never outlives the job that started it. With
/// <see cref="ProcessLimits"/> the tool runs under <c>prlimit</c>, which sets the limits and then executes it in place
/// (same process), so the kernel ends it when it exceeds its memory or CPU time.
/// </summary>
public static class ExternalCommand
{
    public static async Task<CommandResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null,
        ProcessLimits? limits = null)
    {
        var executable = limits is null ? program : "prlimit";
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (limits is not null)
        {
            foreach (var argument in limits.PrlimitArguments())
            {
                start.ArgumentList.Add(argument);
            }
            start.ArgumentList.Add(program);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new OcrException($"Moteur OCR indisponible : '{executable}' n'est pas installé.", isTransient: true, e);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            var result = new CommandResult(process.ExitCode, await stdout, await stderr);
            if (limits is not null && result.ExitCode == ProcessLimits.ProgramNotFoundExitCode && result.StandardError.Contains("failed to execute", StringComparison.Ordinal))
            {
                throw new OcrException($"Moteur OCR indisponible : '{program}' n'est pas installé.", isTransient: true);
            }
            return result;
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new OcrException($"Délai de traitement OCR dépassé ({timeout.TotalSeconds:0} s, {Path.GetFileName(program)}).", isTransient: true);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }
}

public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
