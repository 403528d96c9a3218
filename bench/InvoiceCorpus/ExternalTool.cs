using System.Diagnostics;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>Runs a command-line tool and returns its standard output; a non-zero exit is an exception naming the tool.</summary>
public static class ExternalTool
{
    public static string Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} timed out");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}: {stderr.Result}");
        }
        return stdout;
    }

    /// <summary>ImageMagick 6's convert, not the stand-in some machines put first on PATH.</summary>
    public static string ImageMagick =>
        File.Exists("/usr/bin/convert-im6.q16") ? "/usr/bin/convert-im6.q16"
        : File.Exists("/usr/bin/magick") ? "/usr/bin/magick"
        : "convert";
}
