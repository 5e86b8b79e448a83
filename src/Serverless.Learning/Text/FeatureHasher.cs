using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Serverless.Learning.Text;

/// <summary>
/// MurmurHash3 (x86, 32-bit; Appleby's public-domain algorithm), the hash behind feature hashing. Text is hashed as its
/// UTF-16 little-endian bytes, so the value is the same on every machine and in every process (unlike
/// <c>string.GetHashCode</c>) and saved models stay valid.
/// </summary>
public static class FeatureHasher
{
    private const uint C1 = 0xcc9e2d51, C2 = 0x1b873593;

    public static uint Hash(ReadOnlySpan<char> text, uint seed) => Hash(MemoryMarshal.AsBytes(text), seed);

    public static uint Hash(ReadOnlySpan<byte> data, uint seed)
    {
        var h = seed;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            h ^= MixKey(k);
            h = BitOperations.RotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }

        var tail = data[(blocks * 4)..];
        uint last = 0;
        switch (tail.Length)
        {
            case 3:
                last ^= (uint)tail[2] << 16;
                goto case 2;
            case 2:
                last ^= (uint)tail[1] << 8;
                goto case 1;
            case 1:
                last ^= tail[0];
                h ^= MixKey(last);
                break;
        }

        h ^= (uint)data.Length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }

    private static uint MixKey(uint k)
    {
        k *= C1;
        k = BitOperations.RotateLeft(k, 15);
        return k * C2;
    }
}
