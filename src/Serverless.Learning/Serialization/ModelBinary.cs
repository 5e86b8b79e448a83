using System.Runtime.InteropServices;

namespace Serverless.Learning.Serialization;

/// <summary>
/// Little-endian array and string primitives for model files. Arrays are written raw, without a length: the reader
/// always knows the expected length from data read before, so a truncated or inconsistent file fails fast.
/// </summary>
internal static class ModelBinary
{

    static ModelBinary()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files are little-endian; this platform is big-endian.");
        }
    }

    public static void WriteFloats(BinaryWriter writer, ReadOnlySpan<float> values) =>
        writer.Write(MemoryMarshal.AsBytes(values));

    public static void WriteInts(BinaryWriter writer, ReadOnlySpan<int> values) =>
        writer.Write(MemoryMarshal.AsBytes(values));

    public static void WriteDoubles(BinaryWriter writer, ReadOnlySpan<double> values) =>
        writer.Write(MemoryMarshal.AsBytes(values));

    public static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[CheckLength(reader, count, sizeof(float))];
        ReadExactly(reader, MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static int[] ReadInts(BinaryReader reader, int count)
    {
        var values = new int[CheckLength(reader, count, sizeof(int))];
        ReadExactly(reader, MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static double[] ReadDoubles(BinaryReader reader, int count)
    {
        var values = new double[CheckLength(reader, count, sizeof(double))];
        ReadExactly(reader, MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Reads a count written with <see cref="BinaryWriter.Write(int)"/> and rejects impossible values.</summary>
    public static int ReadCount(BinaryReader reader) => CheckCount(reader.ReadInt32());

    public static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    public static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[ReadCount(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    private static int CheckCount(int count) =>
        count is >= 0 and <= 1 << 26 ? count : throw new InvalidDataException($"Implausible element count {count}.");

    /// <summary>Rejects an array longer than what is left in a seekable stream before allocating it.</summary>
    private static int CheckLength(BinaryReader reader, int count, int elementSize)
    {
        if (count < 0 || count > Array.MaxLength)
        {
            throw new InvalidDataException($"Implausible array length {count}.");
        }

        var stream = reader.BaseStream;
        if (stream.CanSeek && (long)count * elementSize > stream.Length - stream.Position)
        {
            throw new InvalidDataException("The model file ends early.");
        }

        return count;
    }

    private static void ReadExactly(BinaryReader reader, Span<byte> destination)
    {
        try
        {
            reader.BaseStream.ReadExactly(destination);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The model file ends early.", exception);
        }
    }
}
