namespace Serverless.Learning.Serialization;

/// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum of zip and PNG.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = CreateTable();

    /// <summary>The running value to start from; <see cref="Finish"/> turns a running value into the checksum.</summary>
    public const uint Start = 0xFFFFFFFF;

    public static uint Append(uint running, ReadOnlySpan<byte> data)
    {
        foreach (var value in data)
        {
            running = Table[(running ^ value) & 0xFF] ^ (running >> 8);
        }

        return running;
    }

    public static uint Finish(uint running) => running ^ 0xFFFFFFFF;

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
