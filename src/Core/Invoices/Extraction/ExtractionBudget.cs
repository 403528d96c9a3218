using System.Diagnostics;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// The work one extraction may do and the time it may take. Loops over labels, cells and value spots spend
/// units (roughly one per element visited, one per 16 characters scanned by a regex), so <see cref="Work"/>
/// measures the algorithm independently of the machine. The work cap is the real limit: it is deterministic,
/// so a document always ends the same way whatever the machine's load; the wall-clock deadline only backs it
/// up. Either one stops the document with <see cref="ExtractionDeadlineExceededException"/>.
/// </summary>
public sealed class ExtractionBudget
{
    /// <summary>A real invoice costs about 10⁴ units; ten pages of dense text under 10⁶.</summary>
    public const long DefaultMaxWork = 20_000_000;

    /// <summary>Generous: a 2-core machine shared with OCR processes can be slow, but not this slow on a real invoice.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);

    private const long ClockEvery = 4096;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _nextClockCheck = ClockEvery;

    public ExtractionBudget(TimeSpan deadline, long maxWork = DefaultMaxWork)
    {
        Deadline = deadline;
        MaxWork = maxWork;
    }

    public static ExtractionBudget Default() => new(DefaultDeadline);

    public TimeSpan Deadline { get; }

    public long MaxWork { get; }

    public long Work { get; private set; }

    public void Spend(long units)
    {
        Work += units;
        if (Work > MaxWork)
        {
            throw new ExtractionDeadlineExceededException(_clock.Elapsed, Work);
        }
        if (Work >= _nextClockCheck)
        {
            _nextClockCheck = Work + ClockEvery;
            ThrowIfPast();
        }
    }

    public void ThrowIfPast()
    {
        if (_clock.Elapsed > Deadline)
        {
            throw new ExtractionDeadlineExceededException(_clock.Elapsed, Work);
        }
    }
}
