using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Serverless.Cli.Forecasting;

/// <summary>The evaluation table, for the console and as Markdown.</summary>
internal static class ForecastEvaluationTable
{
    private static readonly string[] Headers =
    [
        "model", "series", "mean MASE", "median MASE", "sMAPE %", "RMSSE", "bias/scale", "cover 80%", "cover 95%", "MSIS 95%",
        "pinball/scale", "s total", "ms/series (median)",
    ];

    public static Table Create(IReadOnlyList<ModelScores> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in Headers)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.Columns[0].LeftAligned();
        foreach (var row in rows)
        {
            table.AddRow(Cells(row).Select(Markup.Escape).ToArray());
        }

        return table;
    }

    public static string Markdown(IReadOnlyList<ModelScores> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", Headers).AppendLine(" |");
        text.Append('|').AppendJoin("|", Headers.Select((_, i) => i == 0 ? "---" : "---:")).AppendLine("|");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", Cells(row)).AppendLine(" |");
        }

        return text.ToString();
    }

    private static IEnumerable<string> Cells(ModelScores row) =>
    [
        row.Name,
        row.Series.ToString(CultureInfo.InvariantCulture),
        Format(row.MeanMase, "F4"),
        Format(row.MedianMase, "F4"),
        Format(row.MeanSmape, "F2"),
        Format(row.MeanRmsse, "F4"),
        Format(row.MeanScaledBias, "F4"),
        Format(100 * row.Coverage80, "F1"),
        Format(100 * row.Coverage95, "F1"),
        Format(row.MeanMsis95, "F3"),
        Format(row.MeanScaledPinball, "F4"),
        row.HasTimes ? Format(row.TotalSeconds, "F1") : "",
        row.HasTimes ? Format(row.MedianMilliseconds, "F1") : "",
    ];

    private static string Format(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
