using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Serverless.Cli.Recommendations;

/// <summary>The metric table of <c>recs evaluate</c>, as a console table and as Markdown for docs/quality.md.</summary>
internal static class EvaluationTable
{
    public static Table Create(IReadOnlyList<EvaluationRow> rows, int k, string title)
    {
        var table = new Table().Title(Markup.Escape(title));
        table.AddColumn("Trainer");
        foreach (var column in Columns(k))
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        }

        var best = rows.Count == 0 ? 0 : rows.Max(r => r.Metrics.Ndcg);
        foreach (var row in rows)
        {
            var cells = Cells(row).Select(Markup.Escape).ToArray();
            if (row.Metrics.Ndcg == best)
            {
                cells[3] = "[bold]" + cells[3] + "[/]";
            }

            table.AddRow([Markup.Escape(row.Configuration), .. cells]);
        }

        return table;
    }

    public static string Markdown(IReadOnlyList<EvaluationRow> rows, int k)
    {
        var builder = new StringBuilder();
        builder.AppendLine("| Trainer | " + string.Join(" | ", Columns(k)) + " |");
        builder.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", Columns(k).Length)));
        foreach (var row in rows)
        {
            builder.AppendLine("| " + row.Configuration + " | " + string.Join(" | ", Cells(row)) + " |");
        }

        return builder.ToString();
    }

    private static string[] Columns(int k) =>
    [
        $"P@{k}", $"R@{k}", $"NDCG@{k}", $"MAP@{k}", "Coverage", "Train (s)", "Peak (MiB)",
    ];

    private static string[] Cells(EvaluationRow row) =>
    [
        Format(row.Metrics.Precision), Format(row.Metrics.Recall), Format(row.Metrics.Ndcg), Format(row.Metrics.Map),
        Format(row.Metrics.Coverage), row.TrainSeconds.ToString("N2", CultureInfo.InvariantCulture),
        double.IsNaN(row.PeakMebibytes) ? "-" : row.PeakMebibytes.ToString("N0", CultureInfo.InvariantCulture),
    ];

    private static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
