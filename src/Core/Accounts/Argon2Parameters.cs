namespace Backend.Core.Accounts;

/// <summary>Argon2id cost: memory in KiB, passes, lanes. Stored with every hash so it can be raised later.</summary>
public readonly record struct Argon2Parameters(int MemoryKib, int Iterations, int Parallelism)
{
    /// <summary>True when a hash made with these parameters is weaker than <paramref name="wanted"/> in any respect.</summary>
    public bool IsWeakerThan(Argon2Parameters wanted) =>
        MemoryKib < wanted.MemoryKib || Iterations < wanted.Iterations || Parallelism < wanted.Parallelism;
}
