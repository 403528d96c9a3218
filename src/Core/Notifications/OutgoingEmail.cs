namespace Backend.Core.Notifications;

/// <summary>An e-mail to put in the outbox.</summary>
/// <param name="Cause">Unique: the same cause queues one e-mail, however often it is asked for.</param>
public sealed record OutgoingEmail(string Cause, string Kind, string Recipient, string Subject, string BodyText);
