namespace Backend.Core.Security;

/// <summary>Encrypted data could not be opened. The message names the cause, never key material.</summary>
public sealed class FieldDecryptionException(string reason) : Exception($"Déchiffrement impossible : {reason}.");
