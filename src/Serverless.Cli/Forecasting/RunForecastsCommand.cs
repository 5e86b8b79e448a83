using System.Collections.Concurrent;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Reconciliation;
using Serverless.Learning.Forecasting.Serialization;
using Serverless.Learning.Forecasting.Series;
using Spectre.Console;

namespace Serverless.Cli.Forecasting;

/// <summary>
/// <c>serverless forecast run</c>: batch forecasting. Reads a history (seriesId,date,value), builds one dense series per
/// id ending at the latest date, fits the automatic forecaster to each and writes the next H periods with 80% and 95%
/// intervals (seriesId,date,mean,lo80,hi80,lo95,hi95). With --groups, group and total rows are added, reconciled
/// bottom-up; with --model-out, the fitted models are saved as a versioned model set.
/// </summary>
internal sealed class RunForecastsCommand
{
    /// <summary>The longest horizon accepted: two years of days.</summary>
    public const int MaximumHorizon = 730;

    private readonly CliEnvironment _environment;

    private readonly Option<FileInfo> _history = new Option<FileInfo>("--history")
    {
        Description = "History CSV with the header seriesId,date,value (ISO dates; missing dates count as zero).",
        Required = true,
    }.AcceptExistingOnly();

    private readonly Option<int> _horizon = new Option<int>("--horizon")
    {
        Description = $"Periods to forecast (1..{MaximumHorizon}).",
        Required = true,
    }.InRange(1, MaximumHorizon);

    private readonly Option<SeriesGranularity> _granularity = new("--granularity")
    {
        Description = "day or week (ISO weeks dated by their Monday).",
        DefaultValueFactory = _ => SeriesGranularity.Day,
        CustomParser = ParseGranularity,
    };

    private readonly Option<FileInfo> _out = new("--out")
    {
        Description = "Where to write the forecasts (seriesId,date,mean,lo80,hi80,lo95,hi95).",
        Required = true,
    };

    private readonly Option<FileInfo> _groups = new Option<FileInfo>("--groups")
    {
        Description = "Optional CSV seriesId,group (e.g. product to category): adds a row set per group, \"group:NAME\", and \"total\", each the sum of its members.",
    }.AcceptExistingOnly();

    private readonly Option<FileInfo> _modelOut = new("--model-out")
    {
        Description = "Optional: save the fitted models as a model set (binary, versioned; see ForecastModelSerializer).",
    };

    private readonly Option<IntervalMethod> _intervals = ForecastSettings.IntervalsOption();

    private readonly Option<int> _origins = ForecastSettings.OriginsOption();

    private readonly Option<int?> _originStep = ForecastSettings.OriginStepOption();

    private readonly Option<int> _threads = new Option<int>("--threads")
    {
        Description = "Series fitted in parallel.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    }.InRange(1, 256);

    private RunForecastsCommand(CliEnvironment environment) => _environment = environment;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new RunForecastsCommand(environment);
        var command = new Command("run", "Forecast every series of a history CSV and write the forecasts with 80% and 95% intervals.");
        foreach (var option in new Option[]
                 {
                     handler._history, handler._horizon, handler._granularity, handler._out, handler._groups, handler._modelOut, handler._intervals, handler._origins, handler._originStep, handler._threads,
                 })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) =>
            CommandFailures.ReportAsync(environment.Console, () => handler.RunAsync(parseResult, cancellationToken)));
        return command;
    }

    internal static SeriesGranularity ParseGranularity(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        switch (token.ToLowerInvariant())
        {
            case "day":
                return SeriesGranularity.Day;
            case "week":
                return SeriesGranularity.Week;
            default:
                result.AddError($"--granularity must be day or week (got '{token}').");
                return default;
        }
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = _environment.Console;
        var granularity = parseResult.GetValue(_granularity);
        var horizon = parseResult.GetValue(_horizon);
        var historyPath = parseResult.GetValue(_history)!.FullName;
        var groupOf = parseResult.GetValue(_groups) is { } groupsFile ? GroupCsv.Read(groupsFile.FullName) : null;

        var series = new DemandSeriesBuilder(new DemandSeriesBuilder.Options { Granularity = granularity }).Build(HistoryCsv.Read(historyPath));
        if (series.Count == 0)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(historyPath)} has no rows.");
            return ExitCodes.Failure;
        }

        var seasonalPeriod = ForecastSettings.SeasonalPeriod(granularity);
        var trainer = ForecastSettings.Trainer(
            seasonalPeriod, horizon, parseResult.GetValue(_intervals), parseResult.GetValue(_origins),
            parseResult.GetValue(_originStep) ?? ForecastSettings.DefaultOriginStep(seasonalPeriod));
        var fitted = new ConcurrentDictionary<string, AutomaticForecastModel>(StringComparer.Ordinal);
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var tooShort = series.Where(s => s.Length < AutomaticForecastTrainer.MinimumHistory).Select(s => s.Id).ToList();
        var stopwatch = Stopwatch.StartNew();
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Forecasting {series.Count} series", maxValue: series.Count);
                await Task.Run(
                    () => Parallel.ForEach(
                        series,
                        new ParallelOptions { MaxDegreeOfParallelism = parseResult.GetValue(_threads), CancellationToken = cancellationToken },
                        s =>
                        {
                            if (s.Length >= AutomaticForecastTrainer.MinimumHistory)
                            {
                                try
                                {
                                    fitted[s.Id] = trainer.Fit(s.Values.AsSpan());
                                }
                                catch (ArgumentException exception)
                                {
                                    failures[s.Id] = exception.Message;
                                }
                            }

                            task.Increment(1);
                        }),
                    cancellationToken).ConfigureAwait(false);
                task.StopTask();
            }).ConfigureAwait(false);

        var forecasts = series.Where(s => fitted.ContainsKey(s.Id))
            .Select(s => (s.Id, FirstDate: s.PeriodStart(s.Length), Forecast: fitted[s.Id].Predict(horizon)))
            .ToList();
        var groupRows = 0;
        if (groupOf is not null && fitted.Count > 0)
        {
            var reconciled = BottomUpReconciliation.Reconcile(fitted, groupOf, horizon);
            var first = forecasts[0].FirstDate;
            foreach (var (group, forecast) in reconciled.Groups)
            {
                forecasts.Add(("group:" + group, first, forecast));
            }

            forecasts.Add(("total", first, reconciled.Total));
            groupRows = reconciled.Groups.Count + 1;
        }

        var outPath = parseResult.GetValue(_out)!.FullName;
        ForecastCsv.Write(outPath, forecasts, granularity);
        if (parseResult.GetValue(_modelOut) is { } modelFile)
        {
            var set = new ForecastModelSet(
                granularity,
                series.Where(s => fitted.ContainsKey(s.Id)).Select(s => new ForecastModelSetEntry(s.Id, s.End, fitted[s.Id])),
                new Dictionary<string, string>
                {
                    ["horizon"] = horizon.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["seasonalPeriod"] = seasonalPeriod.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["history"] = Path.GetFileName(historyPath),
                });
            await using var stream = File.Create(modelFile.FullName);
            ForecastModelSerializer.Save(set, stream);
        }

        stopwatch.Stop();
        var methods = fitted.Values.GroupBy(model => model.Method).OrderByDescending(group => group.Count())
            .Select(group => $"{EvaluateForecastsCommand.Label(group.Key)} {group.Count()}");
        console.MarkupLine(
            $"Wrote {forecasts.Count * horizon} rows for {fitted.Count} series" + (groupRows > 0 ? $" and {groupRows} groups incl. the total" : string.Empty) +
            $" to {Markup.Escape(outPath)} in {stopwatch.Elapsed.TotalSeconds:F1} s. Methods chosen: {Markup.Escape(string.Join(", ", methods))}.");
        if (tooShort.Count > 0)
        {
            console.MarkupLine(
                $"[yellow]warning:[/] {tooShort.Count} series with fewer than {AutomaticForecastTrainer.MinimumHistory} periods were not forecast: " +
                Markup.Escape(string.Join(", ", tooShort.Take(10))) + (tooShort.Count > 10 ? ", ..." : string.Empty));
        }

        foreach (var (id, reason) in failures.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(id)} could not be forecast: {Markup.Escape(reason)}");
        }

        return ExitCodes.Success;
    }
}
