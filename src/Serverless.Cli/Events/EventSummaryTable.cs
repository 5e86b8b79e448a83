using System.Globalization;
using Serverless.Cli.Http;
using Spectre.Console;

namespace Serverless.Cli.Events;

/// <summary>The two-column summary printed at the end of a replay or a post.</summary>
internal static class EventSummaryTable
{
    public static Table Create(string title, EventTally tally, TimeSpan elapsed)
    {
        var table = new Table().Title(title).AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        AddRow(table, "Customers", Count(tally.Customers));
        AddRow(table, "Events", Count(tally.Events));
        AddRow(table, "Purchase lines", Count(tally.Lines));
        var currency = tally.Currency is { } code ? " " + code : string.Empty;
        AddRow(table, "Revenue", tally.Revenue.ToString("N2", CultureInfo.InvariantCulture) + currency);
        AddRow(table, "First event", Instant(tally.First));
        AddRow(table, "Last event", Instant(tally.Last));
        AddRow(table, "Elapsed", elapsed.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture) + " s");
        var rate = elapsed > TimeSpan.Zero ? tally.Events / elapsed.TotalSeconds : 0;
        AddRow(table, "Events/s", rate.ToString("N0", CultureInfo.InvariantCulture));
        return table;
    }

    public static void AddPostRows(Table table, EventPostReport report)
    {
        AddRow(table, "Batches", Count(report.Batches));
        AddRow(table, "Accepted", Count(report.Accepted));
        AddRow(table, "Retries", Count(report.Retries));
    }

    public static void AddRow(Table table, string measure, string value) =>
        table.AddRow(Markup.Escape(measure), Markup.Escape(value));

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}
