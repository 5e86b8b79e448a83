using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Cli.Forecasting;

/// <summary>
/// The history file of <c>serverless forecast run</c>: a header naming the columns seriesId, date and value (any order,
/// case-insensitive), one row per series and date (ISO 8601 date, or a timestamp whose UTC date is taken), value a
/// non-negative number of units. Rows of one series and date add up; missing dates count as zero.
/// </summary>
internal static class HistoryCsv
{
    public static List<DemandObservation> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = false });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            throw new InvalidDataException($"{path} is empty: expected the header seriesId,date,value.");
        }

        var idColumn = Column(header, "seriesId", path);
        var dateColumn = Column(header, "date", path);
        var valueColumn = Column(header, "value", path);
        var observations = new List<DemandObservation>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var id = csv.GetField(idColumn)?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                throw new InvalidDataException($"{path} line {line}: seriesId is empty.");
            }

            var dateText = csv.GetField(dateColumn)?.Trim() ?? string.Empty;
            if (!TryParseDate(dateText, out var date))
            {
                throw new InvalidDataException($"{path} line {line}: date '{dateText}' is not an ISO 8601 date (yyyy-MM-dd).");
            }

            var valueText = csv.GetField(valueColumn)?.Trim() ?? string.Empty;
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            {
                throw new InvalidDataException($"{path} line {line}: value '{valueText}' is not a non-negative number.");
            }

            observations.Add(new DemandObservation(id, date, value));
        }

        return observations;
    }

    private static int Column(string[] header, string name, string path)
    {
        var index = Array.FindIndex(header, column => string.Equals(column.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new InvalidDataException($"{path}: the header lacks the column '{name}' (expected seriesId,date,value).");
    }

    private static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            date = DateOnly.FromDateTime(instant.UtcDateTime);
            return true;
        }

        return false;
    }
}
