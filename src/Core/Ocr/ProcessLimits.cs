namespace Backend.Core.Ocr;

/// <summary>
/// Kernel limits (setrlimit through util-linux <c>prlimit</c>) on one external process: its address space and its
/// CPU time. A document that needs more is refused rather than allowed to starve every other tenant's OCR.
/// </summary>
public sealed record ProcessLimits(long MemoryBytes, int CpuSeconds)
{
    /// <summary>Exit code of a process ended by SIGXCPU (128 + 24): it used up its CPU time.</summary>
    public const int CpuTimeExceededExitCode = 152;

    /// <summary>Exit code of a process ended by SIGKILL (128 + 9): the hard CPU limit, or the kernel's OOM killer.</summary>
    public const int KilledExitCode = 137;

    /// <summary>What <c>prlimit</c> answers when the program itself is missing.</summary>
    public const int ProgramNotFoundExitCode = 127;

    public IEnumerable<string> PrlimitArguments() =>
        [$"--as={MemoryBytes}", $"--cpu={CpuSeconds}", "--"];
}
