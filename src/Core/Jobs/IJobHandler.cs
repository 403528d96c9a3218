namespace Backend.Core.Jobs;

/// <summary>
/// The host-independent body of a queue trigger. Returning normally completes the message; returning
/// <see cref="JobOutcome.DeadLetter"/> moves it aside with a reason; throwing lets the platform redeliver it.
/// </summary>
public interface IJobHandler
{
    string Queue { get; }

    Task<JobOutcome> HandleAsync(JobMessage message, CancellationToken cancellationToken);
}
