using Backend.Core.Invoices;

namespace Backend.Tests.Invoices;

public sealed class InvoiceStateMachineTests
{
    // The seed's and ARCHITECTURE §5's moves, written out independently of the state machine.
    private static readonly HashSet<(string From, string To)> Legal =
    [
        ("UPLOADED", "OCR_PROCESSING"),
        ("OCR_PROCESSING", "OCR_COMPLETED"), ("OCR_PROCESSING", "PENDING_VALIDATION"),
        ("OCR_PROCESSING", "OCR_FAILED"), ("OCR_PROCESSING", "UPLOADED"),
        ("UPLOADED", "UPLOADED"), ("OCR_COMPLETED", "UPLOADED"), ("OCR_FAILED", "UPLOADED"), ("PENDING_VALIDATION", "UPLOADED"),
        ("AI_PROCESSING", "UPLOADED"), ("AI_COMPLETED", "UPLOADED"), ("AI_FAILED", "UPLOADED"),
        ("OCR_COMPLETED", "AI_PROCESSING"), ("AI_FAILED", "AI_PROCESSING"),
        ("AI_PROCESSING", "AI_COMPLETED"), ("AI_PROCESSING", "AI_FAILED"),
        ("OCR_COMPLETED", "VALIDATED"), ("PENDING_VALIDATION", "VALIDATED"), ("AI_COMPLETED", "VALIDATED"),
        ("VALIDATED", "EXPORTED"),
    ];

    [Fact]
    public void Allows_exactly_the_documented_moves()
    {
        foreach (var from in InvoiceStatus.All)
        {
            foreach (var to in InvoiceStatus.All)
            {
                Assert.True(Legal.Contains((from, to)) == InvoiceStateMachine.CanMove(from, to), $"{from} → {to}");
            }
        }
    }

    [Theory]
    [InlineData("OCR_PROCESSING")]
    [InlineData("VALIDATED")]
    [InlineData("EXPORTED")]
    public void Manual_retry_is_refused_while_ocr_runs_and_once_validated_or_exported(string status)
    {
        Assert.Throws<InvalidInvoiceTransitionException>(() => InvoiceStateMachine.EnsureAllowed(InvoiceStateMachine.ManualRetry, status));
    }

    [Fact]
    public void Exported_is_final()
    {
        Assert.DoesNotContain(InvoiceStateMachine.All, t => t.AllowsFrom(InvoiceStatus.Exported));
    }

    [Fact]
    public void Retry_backoff_doubles_and_the_third_failure_is_final()
    {
        var baseDelay = TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(30), OcrRetryPolicy.DelayAfter(1, baseDelay));
        Assert.Equal(TimeSpan.FromSeconds(60), OcrRetryPolicy.DelayAfter(2, baseDelay));
        Assert.False(OcrRetryPolicy.IsFinal(2, permanent: false));
        Assert.True(OcrRetryPolicy.IsFinal(3, permanent: false));
        Assert.True(OcrRetryPolicy.IsFinal(1, permanent: true));
    }
}
