using System.Globalization;
using CsvHelper;
using Serverless.Learning.Recommenders;

namespace Serverless.Cli.Recommendations;

/// <summary>Writes and reads <c>userId,itemId,rank,score</c> files (rank from 1); the Python peers write the same format.</summary>
internal static class RecommendationCsv
{
    public const string Header = "userId,itemId,rank,score";

    public static void Write(CsvWriter writer, string userId, IReadOnlyList<ScoredItem> items)
    {
        for (var rank = 0; rank < items.Count; rank++)
        {
            writer.WriteField(userId);
            writer.WriteField(items[rank].ItemId);
            writer.WriteField((rank + 1).ToString(CultureInfo.InvariantCulture));
            writer.WriteField(items[rank].Score.ToString("G6", CultureInfo.InvariantCulture));
            writer.NextRecord();
        }
    }

    public static void WriteHeader(CsvWriter writer)
    {
        foreach (var field in Header.Split(','))
        {
            writer.WriteField(field);
        }

        writer.NextRecord();
    }

    /// <summary>Each user's item ids in rank order.</summary>
    public static Dictionary<string, IReadOnlyList<string>> ReadLists(string path)
    {
        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        if (!parser.Read() || !string.Equals(string.Join(",", parser.Record ?? []), Header, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{path} must start with the header {Header}.");
        }

        var ranked = new Dictionary<string, List<(int Rank, string Item)>>(StringComparer.Ordinal);
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (record.Length < 4 || !int.TryParse(record[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank))
            {
                throw new InvalidDataException($"{path} line {parser.Row}: expected userId,itemId,rank,score.");
            }

            if (!ranked.TryGetValue(record[0], out var list))
            {
                list = [];
                ranked[record[0]] = list;
            }

            list.Add((rank, record[1]));
        }

        return ranked.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<string>)pair.Value.OrderBy(entry => entry.Rank).Select(entry => entry.Item).ToArray(),
            StringComparer.Ordinal);
    }
}
