using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Serverless.Cli.Forecasting;

/// <summary>
/// Reads the UCI Sales Transactions Weekly file (Tan and San Lau 2014; CC BY 4.0): one row per product, weekly units in
/// columns W0..W51 (the min-max normalised copies are ignored). The weeks carry no dates.
/// </summary>
internal static class UciWeeklySales
{
    public static EvaluationData Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            throw new InvalidDataException($"{path} is empty: expected a header with Product_Code, W0..W51.");
        }

        var weekColumns = header.Select((name, index) => (name, index))
            .Where(column => column.name.Length > 1 && column.name[0] == 'W' && column.name[1..].All(char.IsAsciiDigit))
            .OrderBy(column => int.Parse(column.name[1..], CultureInfo.InvariantCulture))
            .Select(column => column.index)
            .ToArray();
        var idColumn = Array.IndexOf(header, "Product_Code");
        if (idColumn < 0 || weekColumns.Length == 0)
        {
            throw new InvalidDataException($"{path} lacks Product_Code or the W0, W1, ... columns.");
        }

        var series = new List<EvaluationSeries>();
        while (csv.Read())
        {
            var values = new double[weekColumns.Length];
            for (var i = 0; i < weekColumns.Length; i++)
            {
                var text = csv.GetField(weekColumns[i]);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || values[i] < 0)
                {
                    throw new InvalidDataException($"{path} line {csv.Parser.RawRow}: week {i} is '{text}', not a non-negative number.");
                }
            }

            series.Add(new EvaluationSeries(csv.GetField(idColumn) ?? string.Empty, values));
        }

        return new EvaluationData(
            "uci-weekly",
            $"UCI Sales Transactions Weekly: {series.Count} products x {weekColumns.Length} weeks (W0..W{weekColumns.Length - 1}), units per week",
            series,
            SeasonalPeriod: 1);
    }
}
