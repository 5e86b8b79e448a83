using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Serverless.Cli.Datasets;
using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Distributions;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Series;
using Spectre.Console;

namespace Serverless.Cli.Forecasting;

/// <summary>
/// <c>serverless forecast evaluate</c>: holds out the last periods of every series, forecasts them with the automatic
/// forecaster (and reports each of its candidate methods), optionally with R's ets and auto.arima on the same training
/// data in the same command, and prints MASE, sMAPE, RMSSE, bias, interval coverage and scores side by side, with the
/// time per series.
/// </summary>
internal sealed class EvaluateForecastsCommand
{
    private readonly CliEnvironment _environment;

    private readonly Option<ForecastDataset> _data = new("--data")
    {
        Description = "uci-weekly (811 products x 52 weeks), online-retail-daily (daily units of the top products) or csv (--file).",
        DefaultValueFactory = _ => ForecastDataset.UciWeekly,
        CustomParser = ParseDataset,
    };

    private readonly Option<FileInfo> _file = new Option<FileInfo>("--file")
    {
        Description = "The data file: required for csv (seriesId,date,value); for the datasets, overrides the copy found in shared/datasets.",
    }.AcceptExistingOnly();

    private readonly Option<int?> _holdout = new Option<int?>("--holdout")
    {
        Description = "Periods held out at the end of every series and forecast (default 8 for weekly data, 28 for daily).",
    }.Positive();

    private readonly Option<int> _products = new Option<int>("--products")
    {
        Description = "online-retail-daily: how many products, those with the most units sold before the hold-out.",
        DefaultValueFactory = _ => 100,
    }.InRange(1, 100_000);

    private readonly Option<SeriesGranularity> _granularity = new("--granularity")
    {
        Description = "csv: day or week (default day).",
        DefaultValueFactory = _ => SeriesGranularity.Day,
        CustomParser = RunForecastsCommand.ParseGranularity,
    };

    private readonly Option<int?> _maxSeries = new Option<int?>("--max-series")
    {
        Description = "Evaluate only the first N series (a quick try).",
    }.Positive();

    private readonly Option<int> _dropLast = new Option<int>("--drop-last")
    {
        Description = "Ignore the last N periods of every series before holding out: a validation run that never sees the evaluation window.",
        DefaultValueFactory = _ => 0,
    }.InRange(0, 100_000);

    private readonly Option<bool> _peers = new("--peers")
    {
        Description = "Also run R's forecast::ets and forecast::auto.arima (bench/peers/forecast_r.R) on the same training data.",
    };

    private readonly Option<string> _rscript = new("--rscript")
    {
        Description = "The Rscript executable for --peers (R with the forecast package: apt-get install -y r-cran-forecast).",
        DefaultValueFactory = _ => "Rscript",
    };

    private readonly Option<IntervalMethod> _intervals = ForecastSettings.IntervalsOption();

    private readonly Option<int> _origins = ForecastSettings.OriginsOption();

    private readonly Option<int?> _originStep = ForecastSettings.OriginStepOption();

    private readonly Option<int> _threads = new Option<int>("--threads")
    {
        Description = "Series forecast in parallel (1 compares like for like with the single-threaded R peer).",
        DefaultValueFactory = _ => 1,
    }.InRange(1, 256);

    private readonly Option<bool> _markdown = new("--markdown")
    {
        Description = "Also print the tables as Markdown (for docs/quality.md and docs/benchmarks.md).",
    };

    private EvaluateForecastsCommand(CliEnvironment environment) => _environment = environment;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new EvaluateForecastsCommand(environment);
        var command = new Command(
            "evaluate",
            "Hold out the last periods of every series and compare the forecasters (and, with --peers, R's ets and auto.arima) on them.");
        foreach (var option in new Option[]
                 {
                     handler._data, handler._file, handler._holdout, handler._dropLast, handler._products, handler._granularity, handler._maxSeries,
                     handler._peers, handler._rscript, handler._intervals, handler._origins, handler._originStep, handler._threads, handler._markdown,
                 })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) =>
            CommandFailures.ReportAsync(environment.Console, () => handler.RunAsync(parseResult, cancellationToken)));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = _environment.Console;
        var dataset = parseResult.GetValue(_data);
        var granularity = dataset switch
        {
            ForecastDataset.UciWeekly => SeriesGranularity.Week,
            ForecastDataset.OnlineRetailDaily => SeriesGranularity.Day,
            _ => parseResult.GetValue(_granularity),
        };
        var holdout = parseResult.GetValue(_holdout) ?? (granularity == SeriesGranularity.Day ? 28 : 8);
        var path = parseResult.GetValue(_file)?.FullName ?? dataset switch
        {
            ForecastDataset.UciWeekly => ForecastFiles.FindAbove(ForecastFiles.UciWeeklyRelativePath),
            ForecastDataset.OnlineRetailDaily => OnlineRetailEventSource.FindDefaultFile(),
            _ => null,
        };
        if (path is null)
        {
            console.MarkupLine(dataset == ForecastDataset.Csv
                ? "[red]error:[/] --data csv needs --file PATH (seriesId,date,value)."
                : "[red]error:[/] the dataset was not found in shared/datasets beside any parent folder; pass --file.");
            return dataset == ForecastDataset.Csv ? ExitCodes.Usage : ExitCodes.Failure;
        }

        string? peerScript = null;
        if (parseResult.GetValue(_peers))
        {
            peerScript = ForecastFiles.FindAbove(ForecastFiles.PeerScriptRelativePath);
            if (peerScript is null)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(ForecastFiles.PeerScriptRelativePath)} not found above the current directory.");
                return ExitCodes.Failure;
            }
        }

        var dropLast = parseResult.GetValue(_dropLast);
        var data = dataset switch
        {
            ForecastDataset.UciWeekly => UciWeeklySales.Read(path),
            ForecastDataset.OnlineRetailDaily => OnlineRetailDailyDemand.Read(path, parseResult.GetValue(_products), holdout + dropLast, cancellationToken),
            _ => CsvEvaluationData.Read(path, granularity),
        };
        var all = data.Series
            .Take(parseResult.GetValue(_maxSeries) ?? int.MaxValue)
            .Select(s => new EvaluationSeries(s.Id, s.Values[..Math.Max(s.Values.Length - dropLast, 0)]))
            .ToList();
        // A series needs a training part the forecaster accepts (two periods) besides the hold-out.
        var series = all.Where(s => s.Values.Length >= holdout + 2).ToList();
        if (series.Count == 0)
        {
            console.MarkupLine($"[red]error:[/] no series is longer than the hold-out ({holdout}) plus 2 periods.");
            return ExitCodes.Failure;
        }

        var m = data.SeasonalPeriod;
        var trainer = ForecastSettings.Trainer(
            m, holdout, parseResult.GetValue(_intervals), parseResult.GetValue(_origins), parseResult.GetValue(_originStep) ?? ForecastSettings.DefaultOriginStep(m));
        var results = new ConcurrentDictionary<int, (double Seconds, List<(string Model, ForecastValues Forecast)> Forecasts, IntervalSource Source)>();
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var wall = Stopwatch.StartNew();
        TimeSpan peerWall = default;
        Dictionary<string, Dictionary<string, (ForecastValues Forecast, double Seconds)>>? peer = null;
        var peerLog = string.Empty;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Forecasting {series.Count} series", maxValue: series.Count);
                await Task.Run(
                    () => Parallel.For(
                        0,
                        series.Count,
                        new ParallelOptions { MaxDegreeOfParallelism = parseResult.GetValue(_threads), CancellationToken = cancellationToken },
                        i =>
                        {
                            var values = series[i].Values;
                            var stopwatch = Stopwatch.StartNew();
                            AutomaticForecastModel model;
                            try
                            {
                                model = trainer.Fit(values.AsSpan(0, values.Length - holdout));
                            }
                            catch (ArgumentException exception)
                            {
                                failures[series[i].Id] = exception.Message;
                                task.Increment(1);
                                return;
                            }

                            var automatic = model.Predict(holdout);
                            var forecasts = new List<(string, ForecastValues)> { ("automatic", ForecastValues.From(automatic)) };
                            stopwatch.Stop();
                            foreach (var candidate in model.Candidates)
                            {
                                forecasts.Add((Label(candidate.Method), ForecastValues.From(model.Predict(candidate.Method, holdout))));
                            }

                            results[i] = (stopwatch.Elapsed.TotalSeconds, forecasts, automatic.Distribution.Source);
                            task.Increment(1);
                        }),
                    cancellationToken).ConfigureAwait(false);
                wall.Stop();
                task.StopTask();

                if (peerScript is not null)
                {
                    var peerTask = context.AddTask("R: ets and auto.arima on the same series").IsIndeterminate();
                    var training = series.Select(s => new EvaluationSeries(s.Id, s.Values[..^holdout])).ToList();
                    (peer, peerWall, peerLog) = await RForecastPeer.RunAsync(
                        parseResult.GetValue(_rscript) ?? "Rscript", peerScript, training, holdout, m, cancellationToken).ConfigureAwait(false);
                    peerTask.IsIndeterminate(false).Value = peerTask.MaxValue;
                    peerTask.StopTask();
                }
            }).ConfigureAwait(false);

        var rows = new Dictionary<string, ModelScores>(StringComparer.Ordinal);
        var order = new List<string>();
        var zeroScale = 0;
        var coverageBySource = new CoverageBySource();
        for (var i = 0; i < series.Count; i++)
        {
            var values = series[i].Values;
            var history = values.AsSpan(0, values.Length - holdout);
            var actual = values.AsSpan(values.Length - holdout);
            if (!(Learning.Forecasting.Metrics.ForecastAccuracy.NaiveMeanAbsoluteError(history, m) > 0))
            {
                // MASE is undefined for a constant history; the series is left out of every model's averages alike.
                zeroScale++;
                continue;
            }

            if (!results.TryGetValue(i, out var result))
            {
                continue;
            }

            var (seconds, forecasts, source) = result;
            coverageBySource.Add(source, forecasts[0].Forecast, actual);
            foreach (var (name, forecast) in forecasts)
            {
                Row(name).Add(SeriesScore.Compute(forecast, history, actual, m));
            }

            Row("automatic").AddTime(seconds);
            if (peer is not null)
            {
                foreach (var model in RForecastPeer.Models)
                {
                    var (forecast, peerSeconds) = peer[model][series[i].Id];
                    var row = Row("R " + model);
                    row.Add(SeriesScore.Compute(forecast, history, actual, m));
                    row.AddTime(peerSeconds);
                }
            }
        }

        var table = ForecastEvaluationTable.Create(order.Select(name => rows[name]).ToList());
        console.MarkupLine($"[bold]{Markup.Escape(data.Description)}[/]");
        console.MarkupLine(
            $"Hold-out: last {holdout} periods of {series.Count} series (seasonal period {m})" +
            (dropLast > 0 ? $", after dropping the last {dropLast} periods (validation run)" : string.Empty) +
            $"; {zeroScale} series with a constant training part " +
            $"(MASE undefined) left out of the averages; {all.Count - series.Count} series too short.");
        console.Write(table);
        foreach (var (id, reason) in failures.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(id)} could not be forecast and is left out: {Markup.Escape(reason)}");
        }

        console.MarkupLine(Markup.Escape(coverageBySource.Describe()));
        var ours = rows["automatic"];
        console.MarkupLine(
            $"Wall time, automatic forecaster: {wall.Elapsed.TotalSeconds:F1} s on {parseResult.GetValue(_threads)} thread(s), " +
            $"median {ours.MedianMilliseconds:F1} ms per series (fit with every candidate's backtest, and forecast).");
        if (peer is not null)
        {
            console.MarkupLine(
                $"Wall time, R peer: {peerWall.TotalSeconds:F1} s for both models including R's start-up; per series: " +
                string.Join("; ", RForecastPeer.Models.Select(model => $"{model} {rows["R " + model].TotalSeconds:F1} s in all, median {rows["R " + model].MedianMilliseconds:F1} ms")) + ".");
            if (peerLog.Length > 0)
            {
                console.MarkupLine($"[grey]{Markup.Escape(peerLog.Split('\n').Last())}[/]");
            }
        }

        if (parseResult.GetValue(_markdown))
        {
            _environment.Output.WriteLine();
            _environment.Output.WriteLine(ForecastEvaluationTable.Markdown(order.Select(name => rows[name]).ToList()));
        }

        return ExitCodes.Success;

        ModelScores Row(string name)
        {
            if (!rows.TryGetValue(name, out var row))
            {
                row = new ModelScores(name);
                rows[name] = row;
                order.Add(name);
            }

            return row;
        }
    }

    internal static string Label(ForecastMethod method) => method switch
    {
        ForecastMethod.Naive => "naive",
        ForecastMethod.SeasonalNaive => "seasonal naive",
        ForecastMethod.HistoricalMean => "mean",
        ForecastMethod.ExponentialSmoothing => "ETS (AICc)",
        ForecastMethod.Theta => "Theta",
        ForecastMethod.Croston => "Croston",
        ForecastMethod.SyntetosBoylan => "SBA",
        ForecastMethod.TeunterSyntetosBabai => "TSB",
        ForecastMethod.Combination => "combination",
        ForecastMethod.BottomUp => "bottom-up",
        ForecastMethod.Arima => "ARIMA (AICc)",
        _ => method.ToString(),
    };

    private static ForecastDataset ParseDataset(System.CommandLine.Parsing.ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        switch (token.ToLowerInvariant())
        {
            case "uci-weekly":
                return ForecastDataset.UciWeekly;
            case "online-retail-daily":
                return ForecastDataset.OnlineRetailDaily;
            case "csv":
                return ForecastDataset.Csv;
            default:
                result.AddError($"--data must be uci-weekly, online-retail-daily or csv (got '{token}').");
                return default;
        }
    }
}
