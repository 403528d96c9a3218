using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Backend.Core.Updates;

/// <summary>
/// A machine's place in a staged rollout: a number from 0 to 99 drawn from SHA-256 of the product and machine id, so it
/// never changes (a machine that got a release at 10 % keeps it at 50 %) and is uniform over machines. The product is
/// part of the input so the same machines are not the first to get every product's releases.
/// </summary>
public static class RolloutBucket
{
    public static int Of(string product, string machineId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{product}:{machineId}"));
        // 2^64 is not a multiple of 100: the bias is below 1e-17, far under anything measurable.
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % 100);
    }

    public static bool IsIn(string product, string machineId, int rolloutPercent) => Of(product, machineId) < rolloutPercent;
}
