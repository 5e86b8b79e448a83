using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;
using Serverless.Learning.Recommenders;

namespace Serverless.Cli.Recommendations;

/// <summary>
/// Interactions from a CSV with a header naming the columns <c>userId,itemId,timestamp[,quantity]</c> (any order, case
/// ignored): ISO 8601 timestamps (UTC when no offset), a positive quantity (default 1). Each row is a purchase weighed
/// by <see cref="InteractionWeighting"/>. A bad row stops the read with its line number.
/// </summary>
internal static class InteractionCsv
{
    public static IReadOnlyList<Interaction> Read(string path, InteractionWeighting weighting, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        using var decompressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(stream, CompressionMode.Decompress)
            : (Stream)stream;
        using var reader = new StreamReader(decompressed);
        return Read(reader, path, weighting, cancellationToken);
    }

    public static IReadOnlyList<Interaction> Read(
        TextReader text, string name, InteractionWeighting weighting, CancellationToken cancellationToken)
    {
        using var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        if (!parser.Read())
        {
            throw new InvalidDataException($"{name} is empty: expected a header line userId,itemId,timestamp[,quantity].");
        }

        var header = (parser.Record ?? []).Select(h => h.Trim()).ToArray();
        var user = Column(header, "userId", name);
        var item = Column(header, "itemId", name);
        var time = Column(header, "timestamp", name);
        var quantityColumn = Array.FindIndex(header, h => string.Equals(h, "quantity", StringComparison.OrdinalIgnoreCase));
        var interactions = new List<Interaction>();
        while (parser.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = parser.Row;
            var record = parser.Record ?? [];
            if (record.Length == 1 && record[0].Trim().Length == 0)
            {
                continue;
            }

            if (record.Length < header.Length)
            {
                throw new InvalidDataException($"{name} line {line}: {record.Length} columns, expected {header.Length}.");
            }

            var userId = record[user].Trim();
            var itemId = record[item].Trim();
            if (userId.Length == 0 || itemId.Length == 0)
            {
                throw new InvalidDataException($"{name} line {line}: {(userId.Length == 0 ? "userId" : "itemId")} is empty.");
            }

            if (!DateTimeOffset.TryParse(
                    record[time].Trim(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
            {
                throw new InvalidDataException($"{name} line {line}: timestamp '{record[time]}' is not an ISO 8601 date/time.");
            }

            var quantity = 1.0;
            if (quantityColumn >= 0 && record[quantityColumn].Trim().Length > 0
                && (!double.TryParse(record[quantityColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out quantity)
                    || !(quantity > 0) || !double.IsFinite(quantity)))
            {
                throw new InvalidDataException($"{name} line {line}: quantity '{record[quantityColumn]}' must be a positive number.");
            }

            interactions.Add(weighting.Create(userId, itemId, InteractionKind.Purchase, quantity, timestamp, timestamp));
        }

        return interactions;
    }

    private static int Column(string[] header, string column, string name)
    {
        var index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new InvalidDataException(
                $"{name} has no '{column}' column; the header must name userId,itemId,timestamp[,quantity] (found: {string.Join(",", header)}).");
    }
}
