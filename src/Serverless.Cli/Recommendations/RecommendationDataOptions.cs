using System.CommandLine;
using System.Globalization;
using Serverless.Cli.Datasets;
using Serverless.Learning.Recommenders;

namespace Serverless.Cli.Recommendations;

/// <summary>
/// The --data, --file, --cutoff and --until options of <c>recs evaluate</c> and <c>recs tune</c>, and the loading
/// they describe.
/// </summary>
internal sealed class RecommendationDataOptions
{
    public const string OnlineRetail = "online-retail";

    /// <summary>Online Retail's documented test cutoff: nine months train (Dec 2010 - Aug 2011), three months and a bit test.</summary>
    public static readonly DateTimeOffset OnlineRetailCutoff = new(2011, 9, 1, 0, 0, 0, TimeSpan.Zero);

    public Option<string> Data { get; } = new("--data")
    {
        Description = $"'{OnlineRetail}' (UCI Online Retail, purchases of known customers, products only) or the path of a " +
                      "CSV with columns userId,itemId,timestamp[,quantity].",
        DefaultValueFactory = _ => OnlineRetail,
    };

    public Option<FileInfo> File { get; } = new Option<FileInfo>("--file")
    {
        Description = "The Online Retail file (default: shared/datasets/online_retail_uci/online_retail.csv.gz beside the repository).",
    }.AcceptExistingOnly();

    public Option<DateTimeOffset?> Cutoff { get; } = new("--cutoff")
    {
        Description = "Train before this instant, test at or after it (default 2011-09-01 for Online Retail; for a CSV the " +
                      "instant 80% of the way from the first to the last interaction).",
        CustomParser = OptionRules.ParseInstant,
    };

    public Option<DateTimeOffset?> Until { get; } = new("--until")
    {
        Description = "Ignore interactions at or after this instant (e.g. --until 2011-09-01 --cutoff 2011-08-01 validates " +
                      "without touching the test period).",
        CustomParser = OptionRules.ParseInstant,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(File);
        command.Options.Add(Cutoff);
        command.Options.Add(Until);
    }

    /// <summary>Loads the interactions, reporting rows read; returns the data description and the cutoff to use.</summary>
    public (IReadOnlyList<Interaction> Interactions, string Description, DateTimeOffset Cutoff) Load(
        ParseResult parseResult, InteractionWeighting weighting, IProgress<long>? rowsRead, CancellationToken cancellationToken)
    {
        var data = parseResult.GetValue(Data) ?? OnlineRetail;
        IReadOnlyList<Interaction> interactions;
        string description;
        DateTimeOffset? defaultCutoff = null;
        if (string.Equals(data, OnlineRetail, StringComparison.OrdinalIgnoreCase))
        {
            var path = parseResult.GetValue(File)?.FullName ?? OnlineRetailEventSource.FindDefaultFile()
                ?? throw new IOException($"{OnlineRetailEventSource.DefaultRelativePath} was not found beside any parent folder; pass --file.");
            var set = OnlineRetailInteractions.Read(path, weighting, rowsRead, cancellationToken);
            interactions = set.Interactions;
            description = string.Create(
                CultureInfo.InvariantCulture,
                $"UCI Online Retail: {set.Counts.Rows:N0} rows, {set.Counts.PurchaseLines - set.NonProductLines:N0} product purchase lines kept (dropped: {set.Counts.Cancellations:N0} cancellations, {set.Counts.WithoutCustomer:N0} without customer, {set.Counts.NonPositiveQuantity + set.Counts.NonPositivePrice:N0} quantity or price <= 0, {set.NonProductLines:N0} non-product codes, {set.Counts.Malformed:N0} malformed)");
            defaultCutoff = OnlineRetailCutoff;
        }
        else
        {
            if (!System.IO.File.Exists(data))
            {
                throw new IOException($"--data: '{data}' is neither '{OnlineRetail}' nor an existing CSV file.");
            }

            interactions = InteractionCsv.Read(data, weighting, cancellationToken);
            description = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(data)}: {interactions.Count:N0} interactions");
        }

        if (parseResult.GetValue(Until) is { } until)
        {
            interactions = interactions.Where(i => i.Timestamp < until).ToArray();
            description += string.Create(CultureInfo.InvariantCulture, $"; only before {until:yyyy-MM-dd}");
        }

        if (interactions.Count == 0)
        {
            throw new InvalidDataException("No interactions to learn from.");
        }

        var cutoff = parseResult.GetValue(Cutoff) ?? defaultCutoff ?? EightyPercentPoint(interactions);
        return (interactions, description, cutoff);
    }

    private static DateTimeOffset EightyPercentPoint(IReadOnlyList<Interaction> interactions)
    {
        var first = interactions.Min(i => i.Timestamp);
        var last = interactions.Max(i => i.Timestamp);
        return first + ((last - first) * 0.8);
    }
}
