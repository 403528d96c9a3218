namespace Backend.Core.Licensing;

/// <summary>A machine id is exactly 32 hexadecimal characters; stored lower-case so case never splits one machine in two.</summary>
public static class MachineId
{
    public const int Length = 32;

    public static bool TryNormalize(string? value, out string machineId)
    {
        machineId = "";
        if (value is null || value.Length != Length || !value.All(char.IsAsciiHexDigit))
        {
            return false;
        }
        machineId = value.ToLowerInvariant();
        return true;
    }
}
