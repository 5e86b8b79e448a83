using System.IO.Compression;
using System.Text;
using Serverless.Domain.Events;
using Serverless.Domain.Models;

namespace Serverless.Infrastructure.Training;

/// <summary>
/// The binary form of an <see cref="InteractionSnapshot"/>: a 4-byte signature <c>ISNP</c>, a little-endian int32
/// format version, then a GZip stream. Format version 1 (the only one so far; a later version must keep reading 1):
/// merged-at UTC ticks as int64 (-1 for none), a string table (7-bit count, then strings) holding user ids, product ids
/// and categories once each, then a 7-bit hour count and per hour: hour UTC ticks (int64), source last-modified UTC
/// ticks (int64), a 7-bit interaction count and per interaction: user, product and category+1 (0 = none) as 7-bit
/// string-table indexes, the event type as a byte, ticks after the hour as a 7-bit int64, the amount as a double and
/// the event count as a 7-bit int. Times are stored in UTC.
/// </summary>
public static class InteractionSnapshotFormat
{
    public const int CurrentVersion = 1;
    private static readonly byte[] Signature = "ISNP"u8.ToArray();

    public static byte[] Write(InteractionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int Index(string value)
        {
            if (!strings.TryGetValue(value, out var index))
            {
                index = table.Count;
                strings[value] = index;
                table.Add(value);
            }

            return index;
        }

        var hours = snapshot.Hours.OrderBy(pair => pair.Key).Select(pair => pair.Value).ToList();
        var encoded = hours.Select(hour => hour.Interactions
            .Select(i => (User: Index(i.UserId), Product: Index(i.ProductId), Category: i.Category is null ? 0 : Index(i.Category) + 1, Interaction: i))
            .ToList()).ToList();

        using var output = new MemoryStream();
        output.Write(Signature);
        output.Write(BitConverter.IsLittleEndian ? BitConverter.GetBytes(CurrentVersion) : BitConverter.GetBytes(CurrentVersion).Reverse().ToArray());
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(snapshot.MergedAt?.UtcTicks ?? -1L);
            writer.Write7BitEncodedInt(table.Count);
            foreach (var value in table)
            {
                writer.Write(value);
            }

            writer.Write7BitEncodedInt(hours.Count);
            for (var h = 0; h < hours.Count; h++)
            {
                var hour = hours[h];
                writer.Write(hour.Hour.UtcTicks);
                writer.Write(hour.SourceLastModified.UtcTicks);
                writer.Write7BitEncodedInt(encoded[h].Count);
                foreach (var (user, product, category, interaction) in encoded[h])
                {
                    var offset = interaction.At.UtcTicks - hour.Hour.UtcTicks;
                    if (offset < 0)
                    {
                        throw new InvalidDataException($"An interaction at {interaction.At:O} is before its hour {hour.Hour:O}.");
                    }

                    writer.Write7BitEncodedInt(user);
                    writer.Write7BitEncodedInt(product);
                    writer.Write7BitEncodedInt(category);
                    writer.Write((byte)interaction.Kind);
                    writer.Write7BitEncodedInt64(offset);
                    writer.Write(interaction.Amount);
                    writer.Write7BitEncodedInt(interaction.Count);
                }
            }
        }

        return output.ToArray();
    }

    public static InteractionSnapshot Read(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.Length < 8 || !span[..4].SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not an interaction snapshot (signature ISNP missing).");
        }

        var version = BitConverter.ToInt32(BitConverter.IsLittleEndian ? span[4..8] : span[4..8].ToArray().Reverse().ToArray());
        if (version != CurrentVersion)
        {
            throw new InvalidDataException($"Interaction snapshot format version {version} is not supported (this code reads {CurrentVersion}).");
        }

        using var input = new MemoryStream(content[8..].ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        try
        {
            var mergedTicks = reader.ReadInt64();
            var table = new string[ReadCount(reader)];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = reader.ReadString();
            }

            var hourCount = ReadCount(reader);
            var hours = new Dictionary<DateTimeOffset, SnapshotHour>(hourCount);
            for (var h = 0; h < hourCount; h++)
            {
                var hourStart = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
                var lastModified = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
                var interactions = new SnapshotInteraction[ReadCount(reader)];
                for (var i = 0; i < interactions.Length; i++)
                {
                    var user = table[reader.Read7BitEncodedInt()];
                    var product = table[reader.Read7BitEncodedInt()];
                    var category = reader.Read7BitEncodedInt();
                    var kind = (BehaviorEventType)reader.ReadByte();
                    var at = hourStart.AddTicks(reader.Read7BitEncodedInt64());
                    interactions[i] = new SnapshotInteraction(
                        user, product, kind, at, reader.ReadDouble(), reader.Read7BitEncodedInt(), category == 0 ? null : table[category - 1]);
                }

                hours[hourStart] = new SnapshotHour(hourStart, lastModified, interactions);
            }

            return new InteractionSnapshot
            {
                MergedAt = mergedTicks < 0 ? null : new DateTimeOffset(mergedTicks, TimeSpan.Zero),
                Hours = hours,
            };
        }
        catch (Exception exception) when (exception is EndOfStreamException or IndexOutOfRangeException or FormatException)
        {
            throw new InvalidDataException("The interaction snapshot is truncated or corrupt.", exception);
        }
    }

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count >= 0 ? count : throw new InvalidDataException("Negative count in the interaction snapshot.");
    }
}
