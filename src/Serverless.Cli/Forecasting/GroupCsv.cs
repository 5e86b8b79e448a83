using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Serverless.Cli.Forecasting;

/// <summary>The --groups file of <c>forecast run</c>: a header naming seriesId and group, one row per series.</summary>
internal static class GroupCsv
{
    public static Dictionary<string, string> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            throw new InvalidDataException($"{path} is empty: expected the header seriesId,group.");
        }

        var id = Array.FindIndex(header, column => string.Equals(column.Trim(), "seriesId", StringComparison.OrdinalIgnoreCase));
        var group = Array.FindIndex(header, column => string.Equals(column.Trim(), "group", StringComparison.OrdinalIgnoreCase));
        if (id < 0 || group < 0)
        {
            throw new InvalidDataException($"{path}: the header must name seriesId and group.");
        }

        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var seriesId = csv.GetField(id)?.Trim();
            var name = csv.GetField(group)?.Trim();
            if (string.IsNullOrEmpty(seriesId) || string.IsNullOrEmpty(name))
            {
                throw new InvalidDataException($"{path} line {csv.Parser.RawRow}: seriesId and group must not be empty.");
            }

            if (!groups.TryAdd(seriesId, name) && groups[seriesId] != name)
            {
                throw new InvalidDataException($"{path} line {csv.Parser.RawRow}: {seriesId} is already in group {groups[seriesId]}.");
            }
        }

        return groups;
    }
}
