namespace Serverless.Learning.Serialization;

/// <summary>
/// Passes reads or writes through to an inner stream (left open) and keeps the CRC-32 of every byte that went by, so
/// a model file can carry a checksum without being buffered whole in memory.
/// </summary>
internal sealed class ChecksumStream(Stream inner) : Stream
{
    private uint _running = Crc32.Start;

    public uint Checksum => Crc32.Finish(_running);

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException("A checksum stream only moves forward.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _running = Crc32.Append(_running, buffer[..read]);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _running = Crc32.Append(_running, buffer);
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A checksum stream only moves forward.");

    public override void SetLength(long value) => throw new NotSupportedException("A checksum stream only moves forward.");
}
